/**
 * The monitoring policy at work: {@link org.mlops4j.drift.policy.DriftMonitor} turns a drift check into a decision
 * and runs its actions; {@link org.mlops4j.drift.policy.TotalVariationDeviation} is the default deviation measure;
 * the {@code log}, {@code callback} and {@code pipeline} action providers and a JSON-lines decision recorder.
 */
package org.mlops4j.drift.policy;
