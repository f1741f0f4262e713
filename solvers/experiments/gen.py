import random,sys
n=int(sys.argv[1]); m=int(sys.argv[2]); seed=int(sys.argv[3])
r=random.Random(seed)
print(f"p cnf {n} {m}")
for _ in range(m):
    vs=r.sample(range(1,n+1),3)
    print(" ".join(str(v if r.random()<0.5 else -v) for v in vs)+" 0")
