package io.fieldsales.platform.kittest;

import java.util.UUID;

public record WidgetChanged(UUID widgetId, String name, long version) {
}
