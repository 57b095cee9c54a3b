package io.spacecomp.sim;

import io.spacecomp.orbit.link.LinkBudget;

/**
 * How fast a link serialises a message: the eq. 6–7 Shannon capacity at the link's length, or a fixed
 * rate when {@code fixedBitsPerS > 0}.
 *
 * @param budget        link budget for the capacity
 * @param fixedBitsPerS a fixed rate (bit/s), or 0 to use the budget
 */
public record LinkRate(LinkBudget budget, double fixedBitsPerS) {

    public static final LinkRate PAPER_BUDGET = new LinkRate(LinkBudget.PAPER_DEFAULT, 0.0);

    public LinkRate {
        if (!(fixedBitsPerS >= 0) || Double.isInfinite(fixedBitsPerS)) {
            throw new IllegalArgumentException("fixed link rate must be >= 0 bit/s, got " + fixedBitsPerS);
        }
    }

    public static LinkRate fixed(double bitsPerS) {
        if (!(bitsPerS > 0)) {
            throw new IllegalArgumentException("fixed link rate must be > 0 bit/s, got " + bitsPerS);
        }
        return new LinkRate(LinkBudget.PAPER_DEFAULT, bitsPerS);
    }

    public double bitsPerS(double lengthKm) {
        return fixedBitsPerS > 0 ? fixedBitsPerS : budget.capacityBitsPerS(lengthKm);
    }
}
