/**
 * The end-to-end pipeline (DESIGN §7): parse → validate → route → encode → lower for the chosen
 * backend → solve → decode → exact verification → result. {@link org.ermbit.solvers.pipeline.ErmSolver}
 * is the embedding API; nothing leaves it as SAT unless the exact verifier accepted the decoded
 * witness and its activation pattern.
 */
package org.ermbit.solvers.pipeline;
