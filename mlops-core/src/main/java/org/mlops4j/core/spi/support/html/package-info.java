/**
 * HTML and chart building blocks for mlops4j modules and plugin authors, written once and shared by the web UI
 * ({@code mlops-server}) and the drift and profile reports ({@code mlops-drift}): the one escaper and element builder
 * ({@link org.mlops4j.core.spi.support.html.Html}), value formats for pages ({@link
 * org.mlops4j.core.spi.support.html.ValueFormats}), and a small kit of inline-SVG charts that need no script: {@link
 * org.mlops4j.core.spi.support.html.LineChart} (series over numeric or time axes), {@link
 * org.mlops4j.core.spi.support.html.BarChart} (vertical bars, grouped per category) and {@link
 * org.mlops4j.core.spi.support.html.HorizontalBarChart} (labelled rows), with what they share in {@link
 * org.mlops4j.core.spi.support.html.Svg}.
 *
 * <p>Every chart renders into an {@link org.mlops4j.core.spi.support.html.Html} document, so every label, tooltip and
 * description is escaped. Depends on the JDK only.
 */
package org.mlops4j.core.spi.support.html;
