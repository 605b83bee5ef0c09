package io.uavstream.simulator.scene;

import java.util.List;

/** Paints the railway: ballast bed, two rails, and the raised bridge decks where it crosses roads. */
final class RailPainter {

    private static final double GAUGE_HALF = 0.75;

    private RailPainter() {}

    static void paint(RailLine rail, List<BridgeDeck> decks, PaintContext context, double sceneSize) {
        SceneCanvas canvas = context.canvas;
        double reach = sceneSize;
        double x0 = rail.x() - rail.dx() * reach;
        double y0 = rail.y() - rail.dy() * reach;
        double x1 = rail.x() + rail.dx() * reach;
        double y1 = rail.y() + rail.dy() * reach;
        canvas.fillSegment(x0, y0, x1, y1, RailLine.BED_WIDTH / 2, (index, x, y) -> {
            if (canvas.elevation[index] != 0) {
                return;
            }
            double n = context.noise.sample(x * 0.9, y * 0.9);
            boolean onRail = Math.abs(Math.abs(signedOffset(rail, x, y)) - GAUGE_HALF) < 0.25;
            canvas.colors[index] = onRail ? Palette.RAIL : Colors.scale(Palette.BALLAST, 0.88 + 0.24 * n);
        });
        double deckHeight = ElevationLevels.height(ElevationLevels.BRIDGE_DECK);
        for (BridgeDeck deck : decks) {
            canvas.fillPolygon(deck.footprint(), (index, x, y) -> {
                double offset = Math.abs(signedOffset(rail, x, y));
                boolean onRail = Math.abs(offset - GAUGE_HALF) < 0.25;
                boolean edge = offset > BridgeDeck.WIDTH / 2 - 0.5;
                int color = edge ? Colors.scale(Palette.DECK, 1.15) : Palette.DECK;
                canvas.colors[index] = onRail ? Palette.RAIL : color;
                canvas.elevation[index] = (byte) (ElevationLevels.BRIDGE_DECK | ElevationLevels.THIN);
            });
            context.casters.add(new ShadowCaster(deck.footprint(), deckHeight - 1.2, deckHeight));
        }
    }

    private static double signedOffset(RailLine rail, double x, double y) {
        return (x - rail.x()) * rail.dy() - (y - rail.y()) * rail.dx();
    }
}
