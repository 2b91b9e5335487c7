package org.opencti.core.desktop;

/** Pushes events to agents' desktops. Must not block: implementations hand off to their own threads. */
@FunctionalInterface
public interface DesktopNotifier {
    void notify(DesktopEvent event);
}
