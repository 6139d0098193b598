#include <stdio.h>
#include <string.h>
#include <mujoco/mujoco.h>
#include <mujoco/mjxmacro.h>
static mjModel* m = 0; static mjData* d = 0;
int load(const char* f){ char err[1000]; err[0]=0; if(m){mj_deleteData(d);mj_deleteModel(m);} m=mj_loadXML(f,0,err,1000); if(!m){printf("ERR %s\n",err);return -1;} d=mj_makeData(m); return 0;}
int mint(const char* name){
#define X(n) if(!strcmp(name,#n)) return m->n;
MJMODEL_INTS
#undef X
 return -1;}
/* model pointer: returns ptr, sets rows, cols, elsize(8 double,4 int/float,1 byte) */
void* mptr(const char* name, int* rows, int* cols, int* es){
#define X(n) int n = m->n;
MJMODEL_INTS
#undef X

#define X(type,nm,r,c) if(!strcmp(name,#nm)){*rows=r;*cols=c;*es=sizeof(type);return m->nm;}
MJMODEL_POINTERS
#undef X
 return 0;}
void* dptr(const char* name, int* rows, int* cols, int* es){
#define X(n) int n = m->n;
MJMODEL_INTS
#undef X

#define X(type,nm,r,c) if(!strcmp(name,#nm)){*rows=r;*cols=c;*es=sizeof(type);return d->nm;}
MJDATA_POINTERS
#undef X
 return 0;}
int name2id(int type, const char* name){return mj_name2id(m,type,name);}
const char* id2name(int type, int id){return mj_id2name(m,type,id);}
void forward(){mj_forward(m,d);}
void step(int n){for(int i=0;i<n;i++) mj_step(m,d);}
void reset(){mj_resetData(m,d);}
double timestep(){return m->opt.timestep;}
int ncon(){return d->ncon;}
/* contact i: geom1, geom2, efc_address */
void contact(int i, int* g1, int* g2, int* efc){*g1=d->contact[i].geom1;*g2=d->contact[i].geom2;*efc=d->contact[i].efc_address;}
double dist(int i){return d->contact[i].dist;}
