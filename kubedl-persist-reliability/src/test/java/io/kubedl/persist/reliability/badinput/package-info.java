/**
 * The bad-input catalogue (rules V1..V3, W5, Q3, Q6): a table of more than thirty
 * kinds of hostile or unusual input, each with the clear error it MUST produce (field
 * and limit named) or the exact round trip it MUST allow, and a check that nothing
 * was partly written.
 */
package io.kubedl.persist.reliability.badinput;
