/**
 * Per-destination egress policy (RULES.md TRK-01..08, USE-01/02/04/10, SUD-01/04): what each
 * destination may receive, and the pure {@link io.attune.core.egress.EgressFilter} that turns an
 * outbound payload into a sent, redacted or blocked {@link io.attune.core.egress.EgressDecision}
 * naming its rule ids.
 */
package io.attune.core.egress;
