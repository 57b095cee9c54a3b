package io.spacecomp.experiments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A CSV file read back for assertions: header and rows of cells (RFC 4180 quoting). */
record CsvTable(List<String> header, List<List<String>> rows) {

    static CsvTable read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.endsWith("\n")) {
            throw new AssertionError(file + " does not end with a newline");
        }
        List<List<String>> lines = new ArrayList<>();
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            lines.add(split(line));
        }
        return new CsvTable(lines.get(0), lines.subList(1, lines.size()));
    }

    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        cells.add(cur.toString());
        return cells;
    }

    int col(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new AssertionError("no column " + name + " in " + header);
        }
        return i;
    }

    String cell(List<String> row, String name) {
        return row.get(col(name));
    }

    double num(List<String> row, String name) {
        return Double.parseDouble(cell(row, name));
    }

    List<List<String>> where(Predicate<List<String>> keep) {
        return rows.stream().filter(keep).toList();
    }

    /** Mean of column {@code value} over the rows {@code keep} selects. */
    double mean(Predicate<List<String>> keep, String value) {
        List<List<String>> sel = where(keep);
        if (sel.isEmpty()) {
            throw new AssertionError("no rows selected");
        }
        return sel.stream().mapToDouble(r -> num(r, value)).average().orElseThrow();
    }
}
