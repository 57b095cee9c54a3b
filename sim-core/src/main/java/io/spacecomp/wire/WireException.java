package io.spacecomp.wire;

/** A body or field that does not say what the API needs: becomes HTTP 400 with {@code {error, field}}. */
public final class WireException extends IllegalArgumentException {

    private final String field;

    public WireException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    /** The JSON field at fault, e.g. {@code aoi[3]} or {@code body}. */
    public String field() {
        return field;
    }
}
