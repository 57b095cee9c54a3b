package io.spacecomp.orbit.ground;

import io.spacecomp.orbit.geometry.GeoPoint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The world's cities of more than one million people, shipped as the class-path resource
 * {@code io/spacecomp/orbit/ground/cities-1m.csv} (GeoNames data, CC BY 4.0; see the file's first line and
 * {@code orbit-model/tools/cities_1m.py}). The list is sorted by population, largest first, then by name.
 * Used to draw the LOS ground station of a run (SPEC §9).
 */
public final class Cities {

    /** Class-path location of the shipped list. */
    public static final String RESOURCE = "/io/spacecomp/orbit/ground/cities-1m.csv";

    private static final String HEADER = "name,country,lat,lon,population";

    private Cities() {
    }

    /** Loaded once, on first use (holder idiom: thread-safe without locking). */
    private static final class Holder {
        static final List<City> ALL = loadResource();
    }

    /** Every shipped city, largest first; immutable and cached. */
    public static List<City> load() {
        return Holder.ALL;
    }

    /** The shipped cities with a population strictly above {@code population}, largest first; immutable. */
    public static List<City> withPopulationAbove(long population) {
        return load().stream().filter(c -> c.population() > population).toList();
    }

    private static List<City> loadResource() {
        InputStream in = Cities.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("class-path resource " + RESOURCE + " is missing");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(r, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Parses a city list: lines starting with {@code #} and blank lines are ignored, then the header
     * {@code name,country,lat,lon,population}, then one city a line. Fields may be double-quoted (a quote
     * inside a quoted field is written twice). Errors name the source, the line and the field.
     */
    static List<City> parse(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<City> cities = new ArrayList<>();
        boolean headerSeen = false;
        int lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.strip().equals(HEADER)) {
                    throw new IllegalArgumentException(source + ":" + lineNo + ": expected header '" + HEADER
                            + "', got '" + line + "'");
                }
                headerSeen = true;
                continue;
            }
            cities.add(parseCity(splitCsv(line, source, lineNo), source, lineNo));
        }
        if (!headerSeen) {
            throw new IllegalArgumentException(source + ": no header '" + HEADER + "'");
        }
        return List.copyOf(cities);
    }

    private static City parseCity(List<String> f, String source, int lineNo) {
        String where = source + ":" + lineNo + ": ";
        if (f.size() != 5) {
            throw new IllegalArgumentException(where + "expected 5 fields (" + HEADER + "), got " + f.size());
        }
        String name = f.get(0).strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException(where + "name must not be blank");
        }
        String country = f.get(1).strip();
        if (!country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException(where + "country must be an ISO 3166-1 alpha-2 code, got '" + country + "'");
        }
        double lat = parseDouble(f.get(2), "lat", where);
        double lon = parseDouble(f.get(3), "lon", where);
        try {
            new GeoPoint(lat, lon);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
        long population;
        try {
            population = Long.parseLong(f.get(4).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "population must be an integer, got '" + f.get(4) + "'", e);
        }
        if (population < 0) {
            throw new IllegalArgumentException(where + "population must be >= 0, got " + population);
        }
        return new City(name, country, lat, lon, population);
    }

    private static double parseDouble(String text, String field, String where) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + field + " must be a number, got '" + text + "'", e);
        }
    }

    /** Splits one CSV line (RFC 4180 quoting, no embedded line breaks). */
    static List<String> splitCsv(String line, String source, int lineNo) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            cur.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException(source + ":" + lineNo + ": unterminated quoted field");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            cur.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cur.append(c);
                    }
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new IllegalArgumentException(source + ":" + lineNo + ": text after a closing quote");
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    cur.append(line.charAt(i++));
                }
            }
            fields.add(cur.toString());
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }
}
