/** Which relation a WAL record names (storage/relfilelocator.h): block references, smgr and xact records all carry one. */

/** RelFileLocator (RelFileNode before 16): tablespace, database, relfilenumber. */
export interface RelFileLocator {
  spcOid: number;
  dbOid: number;
  relNumber: number;
}
