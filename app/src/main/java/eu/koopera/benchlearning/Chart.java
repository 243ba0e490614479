package eu.koopera.benchlearning;

/**
 * A drawn chart, ready to be shown or downloaded.
 *
 * @param name    a file name without extension, e.g. {@code comparison-care.cost-2024}
 * @param content the SVG document (UTF-8) or the PNG image
 */
public record Chart(String name, ChartFormat format, byte[] content) {

    /** The file name with the format's extension. */
    public String fileName() {
        return name + "." + format.extension();
    }
}
