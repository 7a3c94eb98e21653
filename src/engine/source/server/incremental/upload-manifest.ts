/**
 * UPLOAD_MANIFEST (PostgreSQL 17+ replication command): the server answers with COPY IN, takes the
 * manifest, and keeps it for the next BASE_BACKUP (INCREMENTAL) on the same connection
 * (protocol-replication). It parses the manifest and checks its system identifier here; the WAL
 * ranges and summaries are checked when the backup starts.
 */
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export async function uploadManifest(client: Client, manifest: Buffer): Promise<void> {
  const stream = client.query(copyFrom('UPLOAD_MANIFEST'));
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
    stream.end(manifest);
  });
}
