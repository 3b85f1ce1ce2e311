import type { ConversationListItem } from "@/lib/messaging/conversation-queries";
import type { MessageView } from "@/lib/messaging/message-queries";

/** What a server type looks like after JSON: dates become strings. */
export type Json<T> = T extends Date ? string : T extends Array<infer U> ? Array<Json<U>> : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

export type ConversationItem = Json<ConversationListItem>;
export type Message = Json<MessageView>;
export type ConversationPage = { conversations: ConversationItem[]; nextCursor: string | null };
export type MessagePage = { messages: Message[]; nextCursor: string | null };
export type ConversationHeader = {
  id: string;
  ownerNumber: string;
  isGroup: boolean;
  participants: Array<{ phoneNumber: string; name: string | null }>;
  title: string;
};
export type SenderNumber = { e164: string; label: string | null; tollFree: boolean };
