package org.guichet.web;

/** Redirect targets taken from a request are followed only when they stay on this site. */
public final class LocalRedirects {

    private LocalRedirects() {
    }

    public static String safe(String target) {
        if (target == null || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")
                || target.contains("\r") || target.contains("\n")) {
            return "/";
        }
        return target;
    }
}
