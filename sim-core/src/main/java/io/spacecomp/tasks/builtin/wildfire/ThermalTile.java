package io.spacecomp.tasks.builtin.wildfire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One thermal-infrared tile: two bands of brightness temperatures on a regular latitude/longitude grid.
 * Row 0 is the northernmost; pixel (row, col) has its centre at
 * {@code (latNorthDeg - (row + 0.5)·pixelLatDeg, lonWestDeg + (col + 0.5)·pixelLonDeg)}.
 *
 * <p>Binary form ({@link #encode}, {@link #decode}), little-endian: the magic {@code TIR1}, int32 width,
 * int32 height, float64 latNorthDeg, lonWestDeg, pixelLatDeg, pixelLonDeg, pixelM, then width·height float32
 * MWIR brightness temperatures (K, row-major), then as many LWIR ones. A header of {@value #HEADER_BYTES} bytes;
 * a 128 × 128 tile is 131,124 bytes.
 *
 * @param width       columns
 * @param height      rows
 * @param latNorthDeg north edge
 * @param lonWestDeg  west edge
 * @param pixelLatDeg pixel height (deg)
 * @param pixelLonDeg pixel width (deg)
 * @param pixelM      nominal ground size of a pixel (m)
 * @param mwirK       MWIR (~4 µm) brightness temperatures, row-major
 * @param lwirK       LWIR (~11 µm) brightness temperatures, row-major
 */
public record ThermalTile(int width, int height, double latNorthDeg, double lonWestDeg, double pixelLatDeg,
                          double pixelLonDeg, double pixelM, float[] mwirK, float[] lwirK) {

    public static final int HEADER_BYTES = 4 + 4 + 4 + 5 * 8;
    private static final int MAGIC = 0x31524954; // "TIR1" read little-endian

    public ThermalTile {
        if (width < 1 || height < 1 || mwirK.length != width * height || lwirK.length != width * height) {
            throw new IllegalArgumentException("a tile needs width*height temperatures per band");
        }
    }

    public double latDeg(int row) {
        return latNorthDeg - (row + 0.5) * pixelLatDeg;
    }

    public double lonDeg(int col) {
        return lonWestDeg + (col + 0.5) * pixelLonDeg;
    }

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + 8 * width * height).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(width).putInt(height);
        b.putDouble(latNorthDeg).putDouble(lonWestDeg).putDouble(pixelLatDeg).putDouble(pixelLonDeg).putDouble(pixelM);
        b.asFloatBuffer().put(mwirK).put(lwirK);
        return b.array();
    }

    public static ThermalTile decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < HEADER_BYTES || b.getInt() != MAGIC) {
            throw new IllegalArgumentException("not a TIR1 thermal tile");
        }
        int w = b.getInt();
        int h = b.getInt();
        if (w < 1 || h < 1 || (long) w * h * 8 + HEADER_BYTES != bytes.length) {
            throw new IllegalArgumentException("TIR1 tile of " + w + " x " + h + " pixels cannot be " + bytes.length + " bytes");
        }
        double lat = b.getDouble();
        double lon = b.getDouble();
        double dLat = b.getDouble();
        double dLon = b.getDouble();
        double pixelM = b.getDouble();
        float[] t4 = new float[w * h];
        float[] t11 = new float[w * h];
        b.asFloatBuffer().get(t4).get(t11);
        return new ThermalTile(w, h, lat, lon, dLat, dLon, pixelM, t4, t11);
    }
}
