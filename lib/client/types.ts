import type {
  ConversationCounts as CountsView,
  ConversationHeader as HeaderView,
  ConversationPage as PageView,
  SenderNumber as SenderView,
} from "@/lib/validations/conversation-view";
import type { MessagePage as MessagePageView } from "@/lib/validations/message-view";
import type { NotificationFeed as FeedView } from "@/lib/validations/notification-view";

/** What a server type looks like after JSON: dates become strings. */
export type Json<T> = T extends Date
  ? string
  : T extends Array<infer U>
    ? Array<Json<U>>
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

export type ConversationPage = Json<PageView>;
export type ConversationCounts = CountsView;
export type MessagePage = Json<MessagePageView>;
export type Message = MessagePage["messages"][number];
export type Activity = MessagePage["activity"][number];
export type Note = MessagePage["notes"][number];
export type ConversationHeader = Json<HeaderView>;
export type SenderNumber = Json<SenderView>;
export type NotificationFeed = Json<FeedView>;
export type NotificationItem = NotificationFeed["notifications"][number];
