package org.ermbit.reductions.cnf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ermbit.core.spi.Limits;
import org.junit.jupiter.api.Test;

/**
 * The clause database going back (backward checking), driven directly: a deleted clause that comes
 * back must be among the RAT candidates again, also when the occurrence lists were built while it
 * was deleted.
 */
class DratClauseDatabaseHistoryTest {

    private static int load(DratClauseDatabase db, int... literals) {
        return db.prepare(literals, literals.length);
    }

    @Test
    void aRestoredClauseIsARatCandidateAgain() {
        DratClauseDatabase db = new DratClauseDatabase(6, 4, Limits.none(), -1, null, true);
        load(db, -3, 6);
        assertEquals(DratClauseDatabase.OK, db.add());
        int d = db.lastRef();
        load(db, 6, -3);
        assertEquals(DratClauseDatabase.REMOVED, db.delete());
        // (3) while (-3 6) is deleted: not RUP, RAT (no clause contains -3); this builds the occurrence lists
        load(db, 3);
        assertEquals(DratClauseDatabase.OK, db.rup());
        assertEquals(DratClauseDatabase.OK, db.rat());
        db.backtrack();
        // (-3 6) back: (3)'s resolvent with it, (6), is not RUP
        db.restore(d);
        load(db, 3);
        assertEquals(DratClauseDatabase.OK, db.rup());
        assertEquals(DratClauseDatabase.FAILED, db.rat());
        db.backtrack();
    }
}
