package io.spacecomp.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One unit of data between tasks: a JSON value, and optionally a binary attachment.
 *
 * @param value      any JSON value
 * @param attachment a file travelling with the record, or null
 */
public record Record(JsonNode value, Attachment attachment) {

    public Record {
        if (value == null) {
            throw new IllegalArgumentException("record value must not be null (use a JSON null node)");
        }
    }

    public static Record of(JsonNode value) {
        return new Record(value, null);
    }

    public static Record text(String s) {
        return new Record(JsonNodeFactory.instance.textNode(s), null);
    }

    public boolean hasAttachment() {
        return attachment != null;
    }
}
