import random,sys
def read(f):
    cl=[];n=0
    for l in open(f):
        l=l.split()
        if not l or l[0] in('c','%'): continue
        if l[0]=='p': n=int(l[2]); continue
        c=[int(x) for x in l if x!='0']
        if c: cl.append(c)
    return n,cl
def minfill(adj,rng,mode):
    adj={v:set(s) for v,s in adj.items()}
    w=0; order=[]
    while adj:
        best=None;bl=[]
        for v,s in adj.items():
            if mode=='fill':
                sl=list(s); f=0
                for i in range(len(sl)):
                    for j in range(i+1,len(sl)):
                        if sl[j] not in adj[sl[i]]: f+=1
                k=(f,len(s))
            else: k=(len(s),)
            if best is None or k<best: best=k;bl=[v]
            elif k==best: bl.append(v)
        v=rng.choice(bl)
        s=adj.pop(v); w=max(w,len(s)); order.append(v)
        for a in s:
            adj[a].discard(v); adj[a]|=(s-{a})
    return w,order
n,cl=read(sys.argv[1])
# primal
adj={v:set() for v in range(1,n+1)}
for c in cl:
    vs=[abs(x) for x in c]
    for a in vs:
        for b in vs:
            if a!=b: adj[a].add(b)
adj={v:s for v,s in adj.items()}
rng=random.Random(1)
print('primal', min(minfill(adj,rng,'fill')[0] for _ in range(int(sys.argv[2]))))
# incidence
inc={}
for v in range(1,n+1): inc[('v',v)]=set()
for i,c in enumerate(cl):
    inc[('c',i)]=set(('v',abs(x)) for x in c)
    for x in c: inc[('v',abs(x))].add(('c',i))
print('incidence', min(minfill(inc,rng,'fill')[0] for _ in range(int(sys.argv[2]))))
