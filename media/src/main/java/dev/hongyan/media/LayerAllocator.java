package dev.hongyan.media;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Shares one transport's available outgoing bitrate among its consumers' layers (mediasoup's
 * {@code DistributeAvailableOutgoingBitrate}, written from its documented behaviour).
 *
 * <ol>
 *   <li>Consumers that cannot adapt (audio, simple and SVC video, paused ones at 0) are taken first: they
 *       send what they send whatever we decide.</li>
 *   <li>Every simulcast consumer gets its floor, the lowest active spatial layer at temporal layer 0, even
 *       if that overdraws the budget: a resumed consumer always shows something.</li>
 *   <li>Then rounds: consumers in priority order (higher first, ties in creation order), each taking up to
 *       {@code priority} steps per round, a step being the next temporal layer, or spatial layer s+1 at
 *       temporal 0 after the top temporal layer of s, up to its preferred layers. A consumer whose next
 *       step does not fit is done. So a higher priority gets bitrate first and more of it, and a lower one
 *       still gets what is left.</li>
 * </ol>
 *
 * <p>A step's cost is the difference of the producer stream bitrates measured for the two layers (a
 * consumer forwards one spatial layer at a time). Keeping layers a consumer already has needs the estimate
 * to cover them; going above them needs {@link #UPGRADE_HEADROOM_PERCENT}% more, so that layers do not flap
 * when the estimate hovers around a layer's cost. Downgrades apply at once; upgrades at most once per
 * {@link #UPGRADE_INTERVAL_NANOS} per transport, so the estimate sees the effect of one before the next.
 *
 * <p>Loop-confined; deterministic (time is passed in), so it is tested without an engine.
 */
final class LayerAllocator {
    /** Going above the current layers needs the estimate to exceed the new total by this many percent. */
    static final int UPGRADE_HEADROOM_PERCENT = 10;
    /** At most one round of upgrades per transport this often. */
    static final long UPGRADE_INTERVAL_NANOS = 1_000_000_000L;

    /**
     * One consumer as the allocator sees it.
     *
     * @param priority     1..255
     * @param fixedBitrate bit/s a consumer that cannot adapt sends (ignored when {@code bitrates} is given)
     * @param bitrates     null for a consumer that cannot adapt; else per spatial layer the cumulative bit/s
     *                     of its temporal layers 0..t, or null/empty for a spatial layer not available now
     *                     (inactive, or not measured yet). Not copied: built per run and not kept.
     * @param preferred    the highest layers wanted (null temporal: all)
     * @param current      the layers allocated by the previous run, or null when none were (then the
     *                     preferred ones count as current: nothing above them is an upgrade)
     */
    record Demand(int priority, long fixedBitrate, long[][] bitrates, ConsumerLayers preferred,
            ConsumerLayers current) {

        static Demand fixed(int priority, long bitrate) {
            return new Demand(priority, bitrate, null, null, null);
        }

        static Demand layered(int priority, long[][] bitrates, ConsumerLayers preferred, ConsumerLayers current) {
            return new Demand(priority, 0, bitrates, preferred, current);
        }

        boolean adaptable() {
            return bitrates != null;
        }
    }

    /**
     * The outcome of one run.
     *
     * @param layers        per demand, in order: the layers to forward at most; for a consumer with nothing
     *                      available now, its current ones (nothing to decide); null for a consumer that
     *                      cannot adapt, and for every consumer while the estimate is unknown (no limit)
     * @param usedBitrate   bit/s the allocation adds up to, fixed consumers included
     * @param wantedBitrate bit/s the estimate would need for the first upgrade that did not fit, headroom
     *                      included; -1 when nothing was held back for lack of bitrate. What a probe aims at.
     * @param upgraded      whether some consumer got layers above its current ones (starts the interval)
     */
    record Allocation(List<ConsumerLayers> layers, long usedBitrate, long wantedBitrate, boolean upgraded) {}

    private long lastUpgradeNanos = Long.MIN_VALUE;

    /**
     * One run: {@code available} is the transport's estimate in bit/s, or negative while it has none, in
     * which case nothing is limited (consumers follow their preferred layers, as without estimation).
     */
    Allocation allocate(long available, List<Demand> demands, long nowNanos) {
        if (available < 0) {
            return new Allocation(Collections.nCopies(demands.size(), null), 0, -1, false);
        }
        boolean upgradesAllowed = lastUpgradeNanos == Long.MIN_VALUE
                || nowNanos - lastUpgradeNanos >= UPGRADE_INTERVAL_NANOS;
        Allocation allocation = distribute(available, demands, upgradesAllowed);
        if (allocation.upgraded()) {
            lastUpgradeNanos = nowNanos;
        }
        return allocation;
    }

    /** The allocation itself, without rate limiting; {@code upgradesAllowed} false keeps everyone at or below current. */
    static Allocation distribute(long available, List<Demand> demands, boolean upgradesAllowed) {
        int n = demands.size();
        long used = 0;
        List<List<Step>> steps = new ArrayList<>(n);
        int[] level = new int[n];
        int[] current = new int[n];
        int[] ceiling = new int[n];
        Arrays.fill(level, -1);
        for (int i = 0; i < n; i++) {
            Demand d = demands.get(i);
            List<Step> s = d.adaptable() ? steps(d) : List.of();
            steps.add(s);
            if (!d.adaptable()) {
                used += Math.max(0, d.fixedBitrate());
                continue;
            }
            if (s.isEmpty()) {
                continue;
            }
            int top = s.size() - 1;
            current[i] = d.current() == null ? top : indexAtOrBelow(s, d.current());
            ceiling[i] = upgradesAllowed ? top : Math.max(0, current[i]);
            level[i] = 0;
            used += s.get(0).bitrate();
        }
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (level[i] >= 0) {
                order.add(i);
            }
        }
        // Stable: equal priorities keep the consumers' creation order.
        order.sort((a, b) -> Integer.compare(demands.get(b).priority(), demands.get(a).priority()));
        boolean[] done = new boolean[n];
        long wanted = -1;
        boolean progressed = true;
        while (progressed) {
            progressed = false;
            for (int i : order) {
                for (int k = 0; k < Math.max(1, demands.get(i).priority()) && !done[i]; k++) {
                    if (level[i] >= ceiling[i]) {
                        done[i] = true;
                        break;
                    }
                    List<Step> s = steps.get(i);
                    int next = level[i] + 1;
                    long delta = s.get(next).bitrate() - s.get(level[i]).bitrate();
                    boolean upgrade = next > current[i];
                    long after = used + delta;
                    boolean fits = delta <= 0 || (upgrade ? withHeadroom(after) <= available : after <= available);
                    if (!fits) {
                        done[i] = true;
                        if (upgrade && wanted < 0) {
                            wanted = withHeadroom(after);
                        }
                        break;
                    }
                    level[i] = next;
                    used = after;
                    progressed = true;
                }
            }
        }
        List<ConsumerLayers> layers = new ArrayList<>(n);
        boolean upgraded = false;
        for (int i = 0; i < n; i++) {
            if (level[i] < 0) {
                layers.add(demands.get(i).adaptable() ? demands.get(i).current() : null);
                continue;
            }
            Step chosen = steps.get(i).get(level[i]);
            layers.add(new ConsumerLayers(chosen.spatial(), chosen.temporal()));
            upgraded |= level[i] > current[i];
        }
        return new Allocation(Collections.unmodifiableList(layers), used, wanted, upgraded);
    }

    static long withHeadroom(long bitrate) {
        return bitrate + bitrate * UPGRADE_HEADROOM_PERCENT / 100;
    }

    /** One layer a consumer can be at, and what forwarding it costs. */
    record Step(int spatial, int temporal, long bitrate) {}

    /**
     * A consumer's layers from its floor to its preferred ones, lowest first: the lowest available spatial
     * layer is the floor even when it is above the preferred one (what there is, is better than nothing).
     */
    static List<Step> steps(Demand d) {
        long[][] rates = d.bitrates();
        int preferredSpatial = d.preferred() == null ? rates.length - 1 : d.preferred().spatialLayer();
        int preferredTemporal = d.preferred() == null || d.preferred().temporalLayer() == null ? Integer.MAX_VALUE
                : d.preferred().temporalLayer();
        List<Step> out = new ArrayList<>();
        for (int s = 0; s < rates.length; s++) {
            long[] temporal = rates[s];
            if (temporal == null || temporal.length == 0) {
                continue;
            }
            if (s > preferredSpatial && !out.isEmpty()) {
                break;
            }
            int top = Math.min(preferredTemporal, temporal.length - 1);
            for (int t = 0; t <= top; t++) {
                out.add(new Step(s, t, temporal[t]));
            }
            if (s >= preferredSpatial) {
                break;
            }
        }
        return out;
    }

    /** The highest step at or below {@code layers} (spatial first, then temporal); 0 if all are above. */
    private static int indexAtOrBelow(List<Step> steps, ConsumerLayers layers) {
        int temporal = layers.temporalLayer() == null ? Integer.MAX_VALUE : layers.temporalLayer();
        int found = 0;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s.spatial() < layers.spatialLayer() || (s.spatial() == layers.spatialLayer() && s.temporal() <= temporal)) {
                found = i;
            }
        }
        return found;
    }
}
