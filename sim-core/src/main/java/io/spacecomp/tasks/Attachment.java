package io.spacecomp.tasks;

import java.util.Arrays;

/**
 * A named binary payload (a file) that travels with a record.
 *
 * @param name  file name, no directory part
 * @param bytes content
 */
public record Attachment(String name, byte[] bytes) {

    public Attachment {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
            throw new IllegalArgumentException("attachment name must be a plain file name, got '" + name + "'");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment a && a.name.equals(name) && Arrays.equals(a.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Attachment[" + name + ", " + bytes.length + " bytes]";
    }
}
