package io.fieldsales.platform.kittest;

import java.util.UUID;

public record WidgetView(UUID id, String name, long version) {
    static WidgetView of(Widget w) {
        return new WidgetView(w.id, w.name, w.version);
    }
}
