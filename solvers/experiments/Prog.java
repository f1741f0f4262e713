import java.nio.file.*;
import java.time.Duration;
import org.ermbit.solvers.count.*;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.*;
public class Prog {
  public static void main(String[] a) throws Exception {
    Cnf cnf = DimacsReader.read(Path.of(a[2]));
    ModelCounter mc = new ComponentCounter(Runtime.getRuntime().maxMemory()/3, Integer.parseInt(a[0]));
    CountResult r = mc.count(cnf, Limits.timeout(Duration.ofSeconds(Long.parseLong(a[1]))), s -> System.out.println(s.elapsed().toSeconds()+"s "+s.summary()));
    System.out.println(r.status()+" "+(r.status()==CountStatus.COUNTED? r.exactCount():"-")+" "+r.stats().summary()+" "+r.stats().elapsed());
  }
}
