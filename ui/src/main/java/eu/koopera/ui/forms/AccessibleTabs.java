package eu.koopera.ui.forms;

import com.vaadin.flow.component.tabs.TabSheet;

/**
 * Tab sheets that assistive technology can read: Vaadin's {@code <vaadin-tabs>} keeps a focusable scroll container
 * ({@code tabindex="-1"}) between its {@code tablist} and the tabs, which breaks the ARIA rule that a tab list owns
 * only tabs (axe-core's critical {@code aria-required-children}). The container is scrolled by the component
 * itself, never focused by users, so the attribute is dropped once the element is rendered.
 */
public final class AccessibleTabs {

    private AccessibleTabs() {
    }

    public static TabSheet of(TabSheet sheet) {
        sheet.getElement().executeJs("""
                const sheet = this;
                customElements.whenDefined('vaadin-tabs').then(() => {
                  const tabs = sheet.querySelector(':scope > vaadin-tabs');
                  if (!tabs) { return; }
                  Promise.resolve(tabs.updateComplete).then(() => {
                    const scroll = tabs.shadowRoot && tabs.shadowRoot.querySelector('[part="tabs"]');
                    if (scroll) { scroll.removeAttribute('tabindex'); }
                  });
                });
                """);
        return sheet;
    }
}
