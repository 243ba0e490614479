package eu.koopera.ui.forms;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;

import java.util.List;

/**
 * Grids on a phone: columns of lesser importance are hidden below a width, so that the ones that name a row and
 * its state fit the screen; they come back when the window grows (a phone turned sideways, a resized window).
 */
public final class NarrowScreens {

    /** The width, in CSS pixels, below which a window counts as a phone's; matches {@code koopera.css}. */
    public static final int PHONE_WIDTH = 640;

    private NarrowScreens() {
    }

    /** Hides {@code columns} of {@code grid} while the browser window is narrower than {@link #PHONE_WIDTH}. */
    public static void hideOnPhone(Grid<?> grid, List<? extends Grid.Column<?>> columns) {
        grid.addAttachListener(attach -> {
            UI ui = attach.getUI();
            // asked on every attach: details cached at the UI's start would miss a window resized since
            ui.getPage().executeJs("return window.innerWidth").then(Integer.class, width -> show(columns, width));
            var registration = ui.getPage().addBrowserWindowResizeListener(resize -> show(columns,
                    resize.getWidth()));
            grid.addDetachListener(detach -> {
                registration.remove();
                detach.unregisterListener();
            });
        });
    }

    private static void show(List<? extends Grid.Column<?>> columns, int width) {
        boolean wide = width <= 0 || width >= PHONE_WIDTH;
        columns.forEach(column -> column.setVisible(wide));
    }
}
