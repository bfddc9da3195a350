package club.questmaster.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Figures as they are measured: printed at once and appended to the results file; a Markdown table at the end. */
final class Report {

    /** One figure, with the reference it is compared to (if any) and the goal. */
    record Figure(String id, String what, String value, String reference, String ratio, String goal, String verdict) {
    }

    private final Path file;
    private final List<Figure> figures = new ArrayList<>();

    Report(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.getParent());
        Files.writeString(file, "", StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println(text);
        System.out.flush();
        try {
            Files.writeString(file, text + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A figure with its ratio against a reference (higher is better for both). */
    void ratio(String id, String what, double value, double reference, String unit, double goalRatio) {
        double r = value / reference;
        add(new Figure(id, what, String.format("%.0f %s", value, unit), String.format("%.0f %s", reference, unit),
                String.format("%.2f", r), String.format("≥ %.2f", goalRatio), r >= goalRatio ? "met" : "NOT met"));
    }

    /** A figure against an upper bound. */
    void bound(String id, String what, double value, String unit, double max) {
        add(new Figure(id, what, String.format("%.1f %s", value, unit), "", "", String.format("< %s %s",
                trim(max), unit), value < max ? "met" : "NOT met"));
    }

    /** A figure against a lower bound. */
    void atLeast(String id, String what, double value, String unit, double min) {
        add(new Figure(id, what, String.format("%.0f %s", value, unit), "", "", String.format("≥ %s %s",
                trim(min), unit), value >= min ? "met" : "NOT met"));
    }

    void info(String id, String what, String value) {
        add(new Figure(id, what, value, "", "", "", ""));
    }

    private void add(Figure f) {
        figures.add(f);
        line("  %-4s %-62s %14s %14s %6s %10s %s", f.id(), f.what(), f.value(), f.reference(), f.ratio(), f.goal(),
                f.verdict());
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| | Figure | Measured | Reference | Ratio | Goal | |\n|---|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            md.append("| ").append(f.id()).append(" | ").append(f.what()).append(" | ").append(f.value())
                    .append(" | ").append(f.reference()).append(" | ").append(f.ratio()).append(" | ")
                    .append(f.goal()).append(" | ").append(f.verdict()).append(" |\n");
        }
        return md.toString();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
