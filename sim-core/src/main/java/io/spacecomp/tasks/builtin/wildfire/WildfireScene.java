package io.spacecomp.tasks.builtin.wildfire;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The synthetic thermal scene of a wildfire job: the AOI cut into a grid of square pixels of {@code pixel_m}
 * and tiles of {@code tile_px}, and what lies on it, all drawn from the job's seed with {@link SplittableRandom}.
 * The scene is the ground truth the tests and the picture compare alerts against.
 *
 * <ul>
 *   <li>Background: LWIR 292–304 K varying smoothly over the AOI, MWIR 2–4 K warmer (daytime reflected
 *       sunlight), each band with 0.5 K Gaussian noise per pixel.</li>
 *   <li>Clouds: disks of 4–15 km radius, LWIR 220–250 K, MWIR 25 K warmer (cold and bright).</li>
 *   <li>Hot surfaces that are not fires (sun-heated rock, roofs, bare soil): disks of 0.6–2 km radius, LWIR
 *       325–335 K, MWIR 5 K warmer: hot in both bands, a small MWIR − LWIR difference.</li>
 *   <li>Fires: squares of {@code fire_area_m2} burning at 700–1200 K, clear of clouds (2 km), hot surfaces
 *       (4 km) and each other (8 km). A pixel a fraction f of which burns has the mixed radiance
 *       f·B(T_fire) + (1 − f)·B(T_background) in each band (Planck's law).</li>
 * </ul>
 * A tile's noise comes from a stream seeded by (job seed, tile index); tile t of T belongs to collector
 * {@code data_id} d of k when {@code (d − 1)·T/k <= t < d·T/k}, so the scene, and every tile, is the same
 * whatever k is and wherever the collector runs.
 */
public final class WildfireScene {

    /** Metres per degree of latitude on a sphere of 6,371 km. */
    public static final double M_PER_DEG = 111_195.0;
    /** A fire whose noise-free peak MWIR pixel reaches this is detectable: the tests require it found. */
    public static final double DETECTABLE_PEAK_MWIR_K = 330.0;
    static final double NOISE_K = 0.5;

    /** A planted fire: a burning square of {@code areaM2} at {@code temperatureK}, centred on (lat, lon). */
    public record Fire(int id, double latDeg, double lonDeg, double areaM2, double temperatureK, double peakMwirK) {
        public boolean detectable() {
            return peakMwirK >= DETECTABLE_PEAK_MWIR_K;
        }
    }

    /** A disk: a cloud or a hot non-fire surface, with its LWIR temperature. */
    public record Disk(double latDeg, double lonDeg, double radiusM, double lwirK) {
    }

    private final WildfireJob job;
    private final double pixelLatDeg;
    private final double pixelLonDeg;
    private final int widthPx;
    private final int heightPx;
    private final int tilesX;
    private final int tilesY;
    private final double[] phase = new double[4];
    private final List<Disk> clouds = new ArrayList<>();
    private final List<Disk> hotSurfaces = new ArrayList<>();
    private final List<Fire> fires = new ArrayList<>();
    private final double[] cloudsPx;
    private final double[] hotPx;

    public WildfireScene(WildfireJob job) {
        this.job = job;
        double latCenter = (job.latMinDeg() + job.latMaxDeg()) / 2;
        pixelLatDeg = job.pixelM() / M_PER_DEG;
        pixelLonDeg = job.pixelM() / (M_PER_DEG * Math.cos(Math.toRadians(latCenter)));
        widthPx = (int) Math.ceil((job.lonMaxDeg() - job.lonMinDeg()) / pixelLonDeg - 1e-9);
        heightPx = (int) Math.ceil((job.latMaxDeg() - job.latMinDeg()) / pixelLatDeg - 1e-9);
        if ((long) widthPx * heightPx > 50_000_000L) {
            throw new IllegalArgumentException("the AOI at pixel_m " + job.pixelM() + " has " + (long) widthPx * heightPx
                    + " pixels; at most 50,000,000");
        }
        tilesX = (widthPx + job.tilePx() - 1) / job.tilePx();
        tilesY = (heightPx + job.tilePx() - 1) / job.tilePx();
        SplittableRandom r = new SplittableRandom(job.seed());
        for (int i = 0; i < phase.length; i++) {
            phase[i] = r.nextDouble(2 * Math.PI);
        }
        for (int i = 0; i < job.clouds(); i++) {
            clouds.add(new Disk(lat(r.nextDouble(heightPx)), lon(r.nextDouble(widthPx)), r.nextDouble(4_000, 15_000),
                    r.nextDouble(220, 250)));
        }
        for (int i = 0; i < job.hotSurfaces(); i++) {
            for (int tries = 0; tries < 1000; tries++) {
                Disk d = new Disk(lat(r.nextDouble(heightPx)), lon(r.nextDouble(widthPx)), r.nextDouble(600, 2_000),
                        r.nextDouble(325, 335));
                if (clear(d.latDeg(), d.lonDeg(), clouds, 2_000 + d.radiusM())) {
                    hotSurfaces.add(d);
                    break;
                }
            }
        }
        double logMin = Math.log(job.fireAreaMinM2());
        double logMax = Math.log(job.fireAreaMaxM2());
        for (int i = 0; i < job.fires(); i++) {
            for (int tries = 0; tries < 1000; tries++) {
                double lat = lat(r.nextDouble(heightPx));
                double lon = lon(r.nextDouble(widthPx));
                double area = Math.exp(logMax > logMin ? r.nextDouble(logMin, logMax) : logMin);
                double tempK = r.nextDouble(700, 1200);
                boolean apart = true;
                for (Fire f : fires) {
                    apart &= distanceM(lat, lon, f.latDeg(), f.lonDeg()) >= 8_000;
                }
                if (apart && clear(lat, lon, clouds, 2_000) && clear(lat, lon, hotSurfaces, 4_000)) {
                    fires.add(new Fire(fires.size() + 1, lat, lon, area, tempK, peakMwirK(lat, lon, area, tempK)));
                    break;
                }
            }
        }
        cloudsPx = inPixels(clouds);
        hotPx = inPixels(hotSurfaces);
    }

    public WildfireJob job() {
        return job;
    }

    public List<Fire> fires() {
        return List.copyOf(fires);
    }

    public List<Disk> hotSurfaces() {
        return List.copyOf(hotSurfaces);
    }

    public List<Disk> clouds() {
        return List.copyOf(clouds);
    }

    public int tileCount() {
        return tilesX * tilesY;
    }

    public int widthPx() {
        return widthPx;
    }

    public int heightPx() {
        return heightPx;
    }

    /** The tiles of collector {@code dataId} (1..k) of {@code dataSize}: a contiguous run of tile indices. */
    public static int[] tilesOf(int tileCount, int dataId, int dataSize) {
        if (dataSize < 1 || dataId < 1 || dataId > dataSize) {
            throw new IllegalArgumentException("data id must be in [1, " + dataSize + "], got " + dataId);
        }
        int from = (int) ((long) tileCount * (dataId - 1) / dataSize);
        int to = (int) ((long) tileCount * dataId / dataSize);
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }

    /** Tile {@code index} (row-major over the AOI), rendered. */
    public ThermalTile render(int index) {
        if (index < 0 || index >= tileCount()) {
            throw new IllegalArgumentException("tile " + index + " is not in [0, " + tileCount() + ")");
        }
        int row0 = index / tilesX * job.tilePx();
        int col0 = index % tilesX * job.tilePx();
        int h = Math.min(job.tilePx(), heightPx - row0);
        int w = Math.min(job.tilePx(), widthPx - col0);
        float[] t4 = new float[w * h];
        float[] t11 = new float[w * h];
        SplittableRandom noise = new SplittableRandom(mix(job.seed(), index));
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double y = row0 + r + 0.5;
                double x = col0 + c + 0.5;
                double lwir = backgroundLwirK(x, y);
                double mwir = lwir + backgroundDeltaK(x, y);
                Disk cloud = inside(x, y, clouds, cloudsPx);
                Disk hot = cloud != null ? null : inside(x, y, hotSurfaces, hotPx);
                if (cloud != null) {
                    lwir = cloud.lwirK();
                    mwir = lwir + 25;
                } else if (hot != null) {
                    lwir = hot.lwirK();
                    mwir = lwir + 5;
                }
                t4[r * w + c] = (float) (mwir + NOISE_K * noise.nextGaussian());
                t11[r * w + c] = (float) (lwir + NOISE_K * noise.nextGaussian());
            }
        }
        for (Fire f : fires) {
            double side = Math.sqrt(f.areaM2()) / job.pixelM(); // in pixels
            double fx = (f.lonDeg() - job.lonMinDeg()) / pixelLonDeg;
            double fy = (job.latMaxDeg() - f.latDeg()) / pixelLatDeg;
            for (int py = (int) Math.floor(fy - side / 2); py <= (int) Math.floor(fy + side / 2); py++) {
                for (int px = (int) Math.floor(fx - side / 2); px <= (int) Math.floor(fx + side / 2); px++) {
                    int r = py - row0;
                    int c = px - col0;
                    if (r < 0 || r >= h || c < 0 || c >= w) {
                        continue;
                    }
                    double frac = overlap(fx - side / 2, fx + side / 2, px) * overlap(fy - side / 2, fy + side / 2, py);
                    int i = r * w + c;
                    t4[i] = (float) Planck.mixedK(Planck.MWIR_UM, f.temperatureK(), frac, t4[i]);
                    t11[i] = (float) Planck.mixedK(Planck.LWIR_UM, f.temperatureK(), frac, t11[i]);
                }
            }
        }
        return new ThermalTile(w, h, job.latMaxDeg() - row0 * pixelLatDeg, job.lonMinDeg() + col0 * pixelLonDeg,
                pixelLatDeg, pixelLonDeg, job.pixelM(), t4, t11);
    }

    private double peakMwirK(double lat, double lon, double areaM2, double tempK) {
        double side = Math.sqrt(areaM2) / job.pixelM();
        double fx = (lon - job.lonMinDeg()) / pixelLonDeg;
        double fy = (job.latMaxDeg() - lat) / pixelLatDeg;
        double peak = 0;
        for (int py = (int) Math.floor(fy - side / 2); py <= (int) Math.floor(fy + side / 2); py++) {
            for (int px = (int) Math.floor(fx - side / 2); px <= (int) Math.floor(fx + side / 2); px++) {
                double frac = overlap(fx - side / 2, fx + side / 2, px) * overlap(fy - side / 2, fy + side / 2, py);
                double bg = backgroundLwirK(px + 0.5, py + 0.5) + backgroundDeltaK(px + 0.5, py + 0.5);
                peak = Math.max(peak, Planck.mixedK(Planck.MWIR_UM, tempK, frac, bg));
            }
        }
        return peak;
    }

    private static double overlap(double from, double to, int cell) {
        return Math.max(0, Math.min(to, cell + 1.0) - Math.max(from, cell));
    }

    private double backgroundLwirK(double x, double y) {
        return 298 + 4 * Math.sin(2 * Math.PI * 1.3 * x / widthPx + phase[0]) * Math.cos(2 * Math.PI * 0.9 * y / heightPx + phase[1])
                + 2 * Math.sin(2 * Math.PI * 3.1 * (x + y) / (widthPx + heightPx) + phase[2]);
    }

    private double backgroundDeltaK(double x, double y) {
        return 3 + Math.sin(2 * Math.PI * 2.2 * y / heightPx + phase[3]);
    }

    private double lat(double y) {
        return job.latMaxDeg() - y * pixelLatDeg;
    }

    private double lon(double x) {
        return job.lonMinDeg() + x * pixelLonDeg;
    }

    /** The disk that holds pixel position (x, y), from the disks in pixel units ({x, y, r} each), or null. */
    private static Disk inside(double x, double y, List<Disk> disks, double[] px) {
        for (int k = 0; k < disks.size(); k++) {
            double dx = x - px[3 * k];
            double dy = y - px[3 * k + 1];
            double r = px[3 * k + 2];
            if (Math.abs(dx) <= r && Math.abs(dy) <= r && dx * dx + dy * dy <= r * r) {
                return disks.get(k);
            }
        }
        return null;
    }

    /** Disks in pixel units, {x, y, r} each (a pixel is pixel_m square at the AOI's central latitude). */
    private double[] inPixels(List<Disk> disks) {
        double[] out = new double[3 * disks.size()];
        for (int k = 0; k < disks.size(); k++) {
            Disk d = disks.get(k);
            out[3 * k] = (d.lonDeg() - job.lonMinDeg()) / pixelLonDeg;
            out[3 * k + 1] = (job.latMaxDeg() - d.latDeg()) / pixelLatDeg;
            out[3 * k + 2] = d.radiusM() / job.pixelM();
        }
        return out;
    }

    private static boolean clear(double lat, double lon, List<Disk> disks, double marginM) {
        for (Disk d : disks) {
            if (distanceM(lat, lon, d.latDeg(), d.lonDeg()) < d.radiusM() + marginM) {
                return false;
            }
        }
        return true;
    }

    /** Ground distance (m), equirectangular: exact enough within an AOI. */
    public static double distanceM(double lat1, double lon1, double lat2, double lon2) {
        double x = Math.toRadians(lon2 - lon1) * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        double y = Math.toRadians(lat2 - lat1);
        return Math.hypot(x, y) * M_PER_DEG * 180 / Math.PI;
    }

    /** A tile's noise seed from the job seed and the tile index (Stafford's mix13, as SplittableRandom). */
    static long mix(long seed, long tile) {
        long z = seed * 0x9E3779B97F4A7C15L + (tile + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
