package io.spacecomp.tasks.builtin.wildfire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.tasks.Mapper;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.TaskContext;
import io.spacecomp.tasks.TaskCost;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code firedetect}: runs {@link FireDetector} (contextual active-fire test after Giglio et al., MODIS C6 /
 * VIIRS 375 m; thresholds there) on every tile and emits, per tile, one small JSON record without the
 * imagery: {@code {tile, tile_bytes, detections: [{lat, lon, mwir_k, lwir_k, confidence, frp_mw, absolute}]}}.
 * {@code tile_bytes} is the attachment's size, so the reducer can report the bytes collected.
 */
public final class FireDetectMapper implements Mapper, TaskCost {

    @Override
    public String name() {
        return "firedetect";
    }

    @Override
    public double perRecordS() {
        return WildfireCosts.DETECT_PER_RECORD_S;
    }

    @Override
    public double perByteS() {
        return WildfireCosts.DETECT_PER_BYTE_S;
    }

    @Override
    public List<Record> map(TaskContext ctx, List<Record> records) {
        List<Record> out = new ArrayList<>();
        for (Record r : records) {
            if (!r.hasAttachment()) {
                throw new IllegalArgumentException("firedetect expects thermal tiles as attachments (collect_task thermaltiles)");
            }
            ThermalTile tile = ThermalTile.decode(r.attachment().bytes());
            ObjectNode v = JsonNodeFactory.instance.objectNode();
            v.put("tile", r.value().path("tile").asInt(-1));
            v.put("tile_bytes", r.attachment().size());
            ArrayNode dets = v.putArray("detections");
            for (FireDetector.Detection d : FireDetector.detect(tile)) {
                dets.addObject().put("lat", round(d.latDeg(), 6)).put("lon", round(d.lonDeg(), 6))
                        .put("mwir_k", round(d.mwirK(), 2)).put("lwir_k", round(d.lwirK(), 2))
                        .put("confidence", round(d.confidence(), 3)).put("frp_mw", round(d.frpMw(), 3))
                        .put("absolute", d.absolute());
            }
            out.add(Record.of(v));
        }
        return out;
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
