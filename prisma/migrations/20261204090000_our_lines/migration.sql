-- A group text sent by one of our numbers reaches our other numbers on it as an inbound message:
-- it is ours, not a customer's. Such a copy is marked when stored (lib/messaging/ingest-received.ts)
-- and neither reopens its conversation nor counts as the customer's latest message.
ALTER TABLE "messages" ADD COLUMN "from_our_line" BOOLEAN NOT NULL DEFAULT false;

DROP TRIGGER messages_inbound_to_conversation ON messages;
CREATE TRIGGER messages_inbound_to_conversation
  AFTER INSERT ON messages
  FOR EACH ROW WHEN (NEW.direction = 'INBOUND' AND NOT NEW.from_our_line)
  EXECUTE FUNCTION conversation_on_inbound_message();
