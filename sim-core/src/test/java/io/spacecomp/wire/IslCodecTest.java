package io.spacecomp.wire;

import io.spacecomp.protocol.Message;
import io.spacecomp.protocol.MessageSize;
import io.spacecomp.tasks.Record;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ISL's CBOR: every message type comes back equal, attachments travel raw, bad bodies name "body". */
class IslCodecTest {

    @Test
    void everyMessageTypeRoundTripsThroughCbor() {
        Map<Message.Action, Message> samples = WireRoundTripTest.samples();
        for (Message.Action a : Message.Action.values()) {
            Message original = samples.get(a);
            byte[] bytes = IslCodec.encode(original);
            assertTrue(IslCodec.isMap(bytes), a + ": a CBOR map");
            Message copy = IslCodec.decode(bytes);
            assertNull(WireCheck.difference(original, copy, a.wireName()));
            assertEquals(original.getClass(), copy.getClass());
            assertEquals(MessageSize.of(original), MessageSize.of(copy), a + ": size");
        }
    }

    @Test
    void attachmentsTravelRawInCborAndAsTheSameBase64InJson() {
        Message m = WireRoundTripTest.samples().get(Message.Action.REDUCE_RESPONSE);
        Record r = ((Message.ReduceResponse) m).result();
        byte[] file = r.attachment().bytes();
        byte[] cbor = IslCodec.encode(m);
        // CBOR byte string of 4 bytes: 0x44 then the bytes themselves
        assertTrue(indexOf(cbor, new byte[] {0x44, 0, 1, 2, (byte) 255}) >= 0, "raw bytes in the CBOR body");
        assertFalse(new String(cbor, StandardCharsets.ISO_8859_1).contains(Base64.getEncoder().encodeToString(file)));
        assertArrayEquals(file, ((Message.ReduceResponse) IslCodec.decode(cbor)).result().attachment().bytes());
        // JSON (the gateway's side) still says base64, as java.util.Base64 writes it, and reads it back
        String json = new String(Wire.bytes(Wire.message(m)), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"data\":\"" + Base64.getEncoder().encodeToString(file) + "\""), json);
        assertArrayEquals(file, ((Message.ReduceResponse) Wire.message(Wire.parse(json.getBytes(StandardCharsets.UTF_8))))
                .result().attachment().bytes());
    }

    @Test
    void aWordCountBatchIsSmallerThanItsJson() {
        Message m = WireRoundTripTest.samples().get(Message.Action.REDUCE);
        assertTrue(IslCodec.encode(m).length < Wire.bytes(Wire.message(m)).length);
    }

    @Test
    void badBodiesNameTheBody() {
        WireException json = assertThrows(WireException.class, () -> IslCodec.decode("{\"action\":\"collect\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("body", json.field());
        assertEquals("body must be a CBOR map (a message), got a body starting with byte 0x7b", json.getMessage());
        assertEquals("body", assertThrows(WireException.class, () -> IslCodec.decode(new byte[0])).field());
        byte[] cut = IslCodec.encode(WireRoundTripTest.samples().get(Message.Action.MAP));
        byte[] half = java.util.Arrays.copyOf(cut, cut.length / 2);
        assertEquals("body", assertThrows(WireException.class, () -> IslCodec.decode(half)).field());
        // a well-formed map that is not a message names the field it lacks
        assertEquals("action", assertThrows(WireException.class, () -> IslCodec.decode(new byte[] {(byte) 0xa0})).field());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
