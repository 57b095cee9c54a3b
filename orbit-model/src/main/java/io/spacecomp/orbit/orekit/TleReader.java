package io.spacecomp.orbit.orekit;

import org.orekit.errors.OrekitException;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.time.TimeScale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads TLE files: the 2-line format (element lines only) and the 3-line format (a name line before each
 * pair; a leading {@code "0 "} on the name line, as in Space-Track's 3LE, is dropped). Blank lines are
 * ignored. Epochs are read in UTC, as the format defines them (reading them as TAI would shift every
 * satellite by 37 s, about 280 km along track). Every element pair must pass Orekit's format and checksum
 * check.
 */
public final class TleReader {

    private TleReader() {
    }

    /**
     * Reads a TLE file.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed entry, or if it holds none
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static List<TleSatellite> read(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read TLE file " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), lines);
    }

    /**
     * Parses the lines of a TLE file.
     *
     * @param source the file's name, for error messages
     * @throws IllegalArgumentException naming the source and line of a malformed entry, or if it holds none
     */
    public static List<TleSatellite> parse(String source, List<String> lines) {
        TimeScale utc = OrekitData.utc();
        List<TleSatellite> sats = new ArrayList<>();
        String pendingName = null;
        int pendingNameLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = stripTrailing(lines.get(i));
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // byte-order mark
            }
            int lineNo = i + 1;
            if (line.isBlank()) {
                continue;
            }
            if (isLine(line, '1')) {
                String next = i + 1 < lines.size() ? stripTrailing(lines.get(i + 1)) : "";
                if (!isLine(next, '2')) {
                    throw new IllegalArgumentException(source + ":" + lineNo + ": TLE line 1 is not followed by a line 2");
                }
                TLE tle = parsePair(source, lineNo, line, next, utc);
                String name = pendingName != null ? pendingName : Integer.toString(tle.getSatelliteNumber());
                sats.add(new TleSatellite(sats.size(), name, tle));
                pendingName = null;
                i++;
            } else if (isLine(line, '2')) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": TLE line 2 without a line 1 before it");
            } else {
                if (pendingName != null) {
                    throw new IllegalArgumentException(source + ":" + lineNo + ": expected TLE line 1 after the name line "
                            + pendingNameLine + " ('" + pendingName + "'), got '" + line.trim() + "'");
                }
                String name = line.trim();
                pendingName = name.startsWith("0 ") ? name.substring(2).trim() : name;
                pendingNameLine = lineNo;
            }
        }
        if (pendingName != null) {
            throw new IllegalArgumentException(source + ":" + pendingNameLine + ": name line '" + pendingName + "' has no TLE lines after it");
        }
        if (sats.isEmpty()) {
            throw new IllegalArgumentException(source + ": no TLE found");
        }
        return List.copyOf(sats);
    }

    private static TLE parsePair(String source, int lineNo, String line1, String line2, TimeScale utc) {
        try {
            if (!TLE.isFormatOK(line1, line2)) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": malformed TLE (format or checksum)");
            }
            return new TLE(line1, line2, utc);
        } catch (OrekitException e) {
            throw new IllegalArgumentException(source + ":" + lineNo + ": malformed TLE: " + e.getMessage(), e);
        }
    }

    private static boolean isLine(String line, char number) {
        return line.length() >= 2 && line.charAt(0) == number && line.charAt(1) == ' ';
    }

    private static String stripTrailing(String line) {
        return line.stripTrailing();
    }
}
