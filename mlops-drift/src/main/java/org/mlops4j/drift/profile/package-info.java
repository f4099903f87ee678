/**
 * Streaming data profiles on Apache DataSketches, drift from two profiles, and the data profile report.
 *
 * <p>A {@link org.mlops4j.drift.profile.ProfileBuilder} reads tables (or single values) in one pass with memory
 * bounded whatever the number of rows and builds a {@link org.mlops4j.drift.profile.TableProfile}: per numeric column
 * exact counts, min, max and moments, a KLL quantile sketch, exact value counts while few then a CPC distinct-count
 * sketch; per categorical column exact level counts while few, then a frequent-items sketch and a CPC sketch;
 * duplicate rows from 64-bit row hashes; Pearson correlations from exact co-moments. Profiles merge across threads
 * and partitions ({@link org.mlops4j.drift.profile.TableProfile#merge}) and are saved as JSON with the sketches in
 * base64.
 *
 * <p>{@link org.mlops4j.drift.profile.ReferenceProfile} keeps the reference statistics computed once;
 * {@link org.mlops4j.drift.profile.ProfileDrift} compares two profiles with KS, PSI, Jensen-Shannon and Wasserstein
 * (errors stated there); {@link org.mlops4j.drift.profile.ProfileReport} renders a profile as the ydata-profiling
 * report, in JSON and HTML.
 *
 * <pre>{@code
 * TableProfile reference = TableProfile.of(training);
 * ReferenceProfile.of("training-2024-05", reference).save(Path.of("reference.json"));
 * ProfileDriftReport drift = ReferenceProfile.load(Path.of("reference.json")).compare(lastHour);
 * ProfileReport.of(reference, "Training data").writeHtml(Path.of("profile.html"));
 * }</pre>
 */
package org.mlops4j.drift.profile;
