/**
 * The pulse projection: {@link io.socialearn.core.pulse.PulseLedger} folds questions, answers and
 * people from the log and computes {@link io.socialearn.api.pulse.PulseReport}s and {@link
 * io.socialearn.api.pulse.KnowledgeCapture} plans; {@link io.socialearn.core.pulse.PulsePrivacy}
 * says what a viewer may see; {@link io.socialearn.core.pulse.PulseCsv} writes a report's tables
 * as CSV.
 */
package io.socialearn.core.pulse;
