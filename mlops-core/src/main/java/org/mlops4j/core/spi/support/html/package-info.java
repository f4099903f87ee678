/**
 * HTML and chart building blocks for mlops4j modules and plugin authors, written once and shared by the web UI
 * ({@code mlops-server}), the drift and profile reports ({@code mlops-drift}) and the model evaluation and
 * leaderboard pages ({@code mlops-models}): the one escaper and element builder
 * ({@link org.mlops4j.core.spi.support.html.Html}), value formats for pages ({@link
 * org.mlops4j.core.spi.support.html.ValueFormats}), and a small kit of inline-SVG charts that need no script: {@link
 * org.mlops4j.core.spi.support.html.LineChart} (series over numeric or time axes fitted to them), {@link
 * org.mlops4j.core.spi.support.html.XyChart} (lines, points, bars and the y = x diagonal over ranges the caller
 * chooses, as the model evaluation's curves), {@link org.mlops4j.core.spi.support.html.BarChart} (vertical bars,
 * grouped per category) and {@link org.mlops4j.core.spi.support.html.HorizontalBarChart} (labelled rows, optionally
 * with whiskers, points and an axis fitted to the values), {@link org.mlops4j.core.spi.support.html.PairedBarChart}
 * (two samples' shares per category, every category labelled) and {@link
 * org.mlops4j.core.spi.support.html.HistogramChart} (two samples over the same bins, value and share axes, markers),
 * with what they share in {@link
 * org.mlops4j.core.spi.support.html.Svg} and one tick algorithm for every axis (round steps of 1, 2, 2.5 or 5 times a
 * power of ten; round times on time axes) in the package-private {@code AxisTicks}.
 *
 * <p>Every chart renders into an {@link org.mlops4j.core.spi.support.html.Html} document, so every label, tooltip and
 * description is escaped. Depends on the JDK only.
 */
package org.mlops4j.core.spi.support.html;
