/**
 * The published API, pinned: the signature files under {@code api/} at the repository root, and
 * the BOM that lists every published artifact. A change to either is a deliberate, reviewed edit.
 */
package io.citushibernate.api;
