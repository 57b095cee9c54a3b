package io.spacecomp.experiments;

import java.util.List;
import java.util.Locale;

/**
 * Writes rows as RFC 4180 CSV: one header line, one line per row, '\n' line ends, numbers in a fixed
 * format with {@link Locale#ROOT}, so equal rows give equal bytes on every machine.
 */
public final class Csv {

    private Csv() {
    }

    public static <R> String write(List<Column<R>> columns, List<R> rows) {
        StringBuilder sb = new StringBuilder(64 * (rows.size() + 1));
        for (int c = 0; c < columns.size(); c++) {
            sb.append(c == 0 ? "" : ",").append(escape(columns.get(c).header()));
        }
        sb.append('\n');
        for (R row : rows) {
            for (int c = 0; c < columns.size(); c++) {
                sb.append(c == 0 ? "" : ",").append(escape(columns.get(c).value().apply(row)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String escape(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    /** {@code x} with {@code decimals} digits after the point. */
    public static String num(double x, int decimals) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("CSV value must be finite, got " + x);
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", x);
        return s.equals("-0") || s.matches("-0\\.0*") ? s.substring(1) : s;
    }

    public static String num(long x) {
        return Long.toString(x);
    }
}
