package org.ermbit.reductions.lower;

import org.ermbit.core.ir.Assignment;

/** Maps an assignment of a lowered model to an assignment of the model it was lowered from. */
@FunctionalInterface
public interface AssignmentLift {
    Assignment lift(Assignment loweredAssignment);
}
