public class Hist { public static void main(String[] a) throws Exception {
  Bench.main(a);
  java.lang.reflect.Field f = Class.forName("org.ermbit.solvers.count.ComponentSearch").getDeclaredField("HIST"); f.setAccessible(true);
  long[] h = (long[]) f.get(null); long tot=0; for (long x: h) tot+=x; long cum=0;
  for (int i=0;i<128;i++){ if(h[i]==0) continue; cum+=h[i]; System.out.println(i+" "+h[i]+" cum "+(100*cum/tot)+"%"); }
}}
