package io.spacecomp.emulator.client;

import io.spacecomp.wire.Wire;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PythonJsonTest {

    /** Expected strings printed by /usr/bin/python3: [repr(x) for x in ...] when this test was written. */
    @Test
    void floatsAreWrittenAsPythonsRepr() {
        double[] in = {1796123456.789123, 0.4, 2.0, 1e16, 1.5e-5, 0.0001, 123456789012345.6, 28900000.0, -0.25, 1e22};
        String[] want = {"1796123456.789123", "0.4", "2.0", "1e+16", "1.5e-05", "0.0001", "123456789012345.6", "28900000.0", "-0.25", "1e+22"};
        for (int i = 0; i < in.length; i++) {
            assertEquals(want[i], PythonJson.pythonFloat(in[i]), "repr(" + in[i] + ")");
        }
    }

    @Test
    void dumpsAsJsonDumps() {
        String json = "{\"jobid\": \"a\", \"job_time\": 0.5, \"job_start\": 1796123456.5, \"n\": 3, \"r\": {\"Allen\u2019s\": 2}}";
        assertEquals("{\"jobid\": \"a\", \"job_time\": 0.5, \"job_start\": 1796123456.5, \"n\": 3, \"r\": {\"Allen\\u2019s\": 2}}",
                PythonJson.dumps(Wire.parse(json.getBytes(StandardCharsets.UTF_8))));
    }
}
