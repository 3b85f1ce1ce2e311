import "server-only";
import type { Actor } from "@/lib/auth/policies";
import type { Db } from "@/lib/db";
import { publishChanges } from "@/lib/realtime/publish";
import { mentionedPeople } from "@/lib/validations/mentions";
import { toNoteView, type NoteView } from "@/lib/validations/note-view";
import type { AddNoteBody } from "@/lib/validations/notes";
import { noteInclude } from "./message-queries";
import { listTeammates } from "./workflow-store";

/**
 * An internal note in a conversation, by a viewer who may see it (404 otherwise). It mentions the
 * teammates in `mentionIds` who are active, may see the conversation, are named as `@Full Name` in
 * the body and are not the author; other ids are ignored (the answer's `mentions` says who was
 * mentioned). One transaction: the note, its mentions and a `note.created` notice. Never sent to
 * Bandwidth and no reply: the conversation's last message, unread counts, status and assignee stay.
 */
export async function addNote(
  database: Db,
  author: Actor,
  conversationId: string,
  input: AddNoteBody,
): Promise<NoteView> {
  const teammates = await listTeammates(database, author, conversationId);
  const wanted = new Set(input.mentionIds.map((id) => id.toLowerCase()));
  const mentioned = mentionedPeople(input.body, teammates).filter(
    (person) => wanted.has(person.id) && person.id !== author.id,
  );
  const note = await database.$transaction(async (tx) => {
    const created = await tx.conversationNote.create({
      data: {
        conversationId,
        authorId: author.id,
        body: input.body,
        mentions: { create: mentioned.map((person) => ({ userId: person.id, conversationId })) },
      },
      include: noteInclude,
    });
    await publishChanges(tx, [{ kind: "note.created", conversationId }]);
    return created;
  });
  return toNoteView(note);
}
