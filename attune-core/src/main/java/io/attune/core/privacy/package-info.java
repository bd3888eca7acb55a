/**
 * Privacy classification (RULES.md §0, TRK-03/04, §14.4): the {@link io.attune.core.privacy.DataClass}
 * of every attribute and property, the health-term dictionary, page classes by URL rules, content
 * groups that replace page context, and the keyed hashes behind content groups and pseudonyms.
 */
package io.attune.core.privacy;
