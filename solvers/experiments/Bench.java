import java.nio.file.*;
import java.time.Duration;
import org.ermbit.solvers.count.*;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.*;
public class Bench {
  public static void main(String[] a) throws Exception {
    String id = a[0]; int threads = Integer.parseInt(a[1]); double to = Double.parseDouble(a[2]);
    long totalDec = 0; long totalMs = 0;
    for (int i = 3; i < a.length; i++) {
      Cnf cnf = DimacsReader.read(Path.of(a[i]));
      ModelCounter mc = id.equals("component") ? new ComponentCounter(Long.getLong("budget", Runtime.getRuntime().maxMemory()/3), threads) : ModelCounters.byId(id).get();
      long t0 = System.nanoTime();
      CountResult r = mc.count(cnf, Limits.timeout(Duration.ofMillis((long)(to*1000))));
      long ms = (System.nanoTime()-t0)/1_000_000;
      totalDec += r.stats().decisions(); totalMs += ms;
      System.out.println(Path.of(a[i]).getFileName()+" "+r.status()+" "+(r.status()==CountStatus.COUNTED? r.exactCount():"-")+" ms="+ms+" "+r.stats().summary());
    }
    System.out.println("TOTAL decisions="+totalDec+" ms="+totalMs);
  }
}
