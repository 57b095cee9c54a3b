package io.spacecomp.tasks.builtin.wildfire;

/**
 * Planck's law for the two thermal bands: spectral radiance of a black body and its inverse, the brightness
 * temperature. Radiance in W m⁻² sr⁻¹ µm⁻¹, wavelength in µm, temperature in K.
 */
public final class Planck {

    /** MWIR band centre (µm), as MODIS band 22 / VIIRS I4 (~3.96 / 3.74 µm). */
    public static final double MWIR_UM = 3.96;
    /** LWIR band centre (µm), as MODIS band 31 / VIIRS I5 (~11.0 / 11.45 µm). */
    public static final double LWIR_UM = 11.0;

    /** First radiation constant for spectral radiance, 2hc² (W µm⁴ m⁻² sr⁻¹). */
    private static final double C1 = 1.191042972e8;
    /** Second radiation constant hc/k (µm K). */
    private static final double C2 = 1.4387769e4;

    private Planck() {
    }

    /** Spectral radiance of a black body at {@code temperatureK}, at {@code wavelengthUm}. */
    public static double radiance(double wavelengthUm, double temperatureK) {
        double l5 = Math.pow(wavelengthUm, 5);
        return C1 / (l5 * Math.expm1(C2 / (wavelengthUm * temperatureK)));
    }

    /** The temperature of a black body that emits {@code radiance} at {@code wavelengthUm}. */
    public static double brightnessTemperatureK(double wavelengthUm, double radiance) {
        double l5 = Math.pow(wavelengthUm, 5);
        return C2 / (wavelengthUm * Math.log1p(C1 / (l5 * radiance)));
    }

    /**
     * The brightness temperature of a pixel a fraction {@code fireFraction} of which burns at {@code fireK} over
     * a background at {@code backgroundK} (the mixed pixel: radiances add by area).
     */
    public static double mixedK(double wavelengthUm, double fireK, double fireFraction, double backgroundK) {
        if (fireFraction <= 0) {
            return backgroundK;
        }
        double l = fireFraction * radiance(wavelengthUm, fireK) + (1 - fireFraction) * radiance(wavelengthUm, backgroundK);
        return brightnessTemperatureK(wavelengthUm, l);
    }
}
