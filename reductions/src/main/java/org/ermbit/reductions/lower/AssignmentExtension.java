package org.ermbit.reductions.lower;

import org.ermbit.core.ir.Assignment;

/**
 * Maps an assignment of the input model to an assignment of the lowered model: every lowering
 * variable at the value the lowering intends (bits of the value, conditional products, ANDs). A
 * satisfying input assignment extends to a satisfying lowered assignment that lifts back to it.
 */
@FunctionalInterface
public interface AssignmentExtension {
    Assignment extend(Assignment inputAssignment);
}
