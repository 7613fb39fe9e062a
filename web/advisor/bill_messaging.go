package advisor

import (
	"fmt"
	"math"
	"slices"
)

// fanOutUSD is what fanOutChannel's item costs, or 0 where there is
// none: a fleet's search for its cheapest size reads it for every size,
// which the item's words would cost more than the sum. Where the answers
// ask for redundancy the channel keeps a replica in a second zone, as
// the fleet does: one node alone had carried an enterprise's chat.
func (w *workload) fanOutUSD(peak float64) float64 {
	nodes := w.fanOutNodes(peak)
	if nodes == 0 {
		return 0
	}
	sz := w.fanOutSizing(peak)
	rate, perShard := sz.rate(&w.c.t, nodes)
	return sz.shards * perShard * w.hours * rate.v()
}

// fanOutSize is the node the channel runs on and how many carry its
// messages.
type fanOutSize struct {
	// large is true where the cloud's smallest node would not carry the
	// messages and its larger one does (fan_out_large_hourly).
	large bool
	// shards are the nodes that carry the messages, each with its replica
	// where there is one; sharded is true where each room is a channel
	// of its own, each message going out on its room's shard to the
	// instances that hold its recipients alone.
	shards  float64
	sharded bool
	// reach is how many instances each message goes to: every one of the
	// fleet's, or where sharded, at most its recipients'; gbps is what
	// the channel sends out at the busiest hour.
	reach, gbps float64
}

// fanOutSizing sizes the channel for a fleet of peak instances at the
// busiest hour. The scale-out adapters (Socket.IO's, SignalR's) send each
// message or update to every instance of the fleet, so what the channel
// sends grows with the volume and the fleet both: the cloud's smallest
// node carries it while it sustains that (fan_out_gbps), its larger node
// past that (fan_out_large_gbps). Past what one of those sustains, each
// room is a channel of its own (the adapters' sharded mode, on sharded
// pub/sub), each instance taking only the rooms its clients are in, so
// that a message reaches at most the instances of its recipients, and as
// many shards as that needs carry it. Two
// cache.t4g.micro nodes, $23 a month, had carried 2 billion chat messages
// to 114 Fargate tasks, 1.8 Gbit/s at the busiest hour, where the node
// sustains 0.064 (review 178). A cloud whose file gives no bandwidth
// keeps its smallest node.
func (w *workload) fanOutSizing(peak float64) fanOutSize {
	t := &w.c.t
	every := max(peak, 1)
	sz := fanOutSize{shards: 1, reach: every, gbps: w.fanOutGbps(every)}
	switch {
	case t.fanOutGbps == nil || sz.gbps <= t.fanOutGbps.v():
	case sz.gbps <= t.fanOutLargeGbps.v():
		sz.large = true
	default:
		sz.large, sz.sharded, sz.reach = true, true, min(every, w.deliveries().v())
		sz.gbps = w.fanOutGbps(sz.reach)
		sz.shards = max(1, math.Ceil(sz.gbps/t.fanOutLargeGbps.v()-1e-9))
	}
	return sz
}

// fanOutGbps is what the channel sends at the busiest hour where each
// message goes to reach instances.
func (w *workload) fanOutGbps(reach float64) float64 {
	return w.peakRPS() * reach * w.k.messagingBytes.v() * 8 / 1e9
}

// rate is the hourly rate of the channel's node for nodes of it (one, or
// two with a replica), and how many each shard bills at it: the cloud's
// replicated tier, one rate for the pair, where the cloud sells one
// (fan_out_replicated_hourly), else each node at the single node's rate.
func (sz fanOutSize) rate(t *cloudTable, nodes float64) (rate *Fact, perShard float64) {
	single, replicated := t.fanOutHourly, t.fanOutReplicatedHourly
	if sz.large {
		single, replicated = t.fanOutLargeHourly, t.fanOutLargeReplicatedHourly
	}
	if nodes > 1 && replicated != nil {
		return replicated, 1
	}
	return single, nodes
}

// fanOutNodes is how many nodes the channel keeps for a fleet of peak
// instances at the busiest hour: none for one instance alone, a replica
// beside the first where the answers ask for redundancy.
func (w *workload) fanOutNodes(peak float64) float64 {
	switch {
	case !w.in.liveFeatures() || max(peak, w.minInstances()) <= 1:
		return 0
	case w.in.redundant():
		return 2
	}
	return 1
}

// liveConnections prices the cloud's managed connection service where
// clients hold connections open, for a few live features, fan-out
// messaging or stateful sessions, on a platform that holds none between
// requests: functions, and for live features or messaging, serverless
// containers billed while serving. The service holds the connections and
// delivers the messages; a fleet kept running holds its own, and passes
// each message or update between its instances (fanOutChannel).
func (w *workload) liveConnections() (Item, bool) {
	if !w.in.heldConnections() {
		return Item{}, false
	}
	if w.in.fanOut() {
		return w.connectionService("messaging", w.c.Products.Messaging), true
	}
	return w.connectionService("live_connections", w.describe(func() string { return w.c.Products.Messaging + " for the live connections" })), true
}

// deliveries is how many messages each request sends the clients that
// hold connections open: a fan-out message's recipients, or a few live
// features' updates (and a stateful session's).
func (w *workload) deliveries() *Fact {
	if w.in.fanOut() {
		return w.k.messagingDeliveries
	}
	return w.k.liveUpdates
}

// messagesGB is the data the messages delivered to connected clients
// come to in the month, whoever sends them: a connection service or the
// fleet's own processes.
func (w *workload) messagesGB() float64 { return w.k.messagesGB(w.in) }

// messagesGB is the data the messages delivered to the clients of in
// come to in the month (workload.messagesGB).
func (k *commonTable) messagesGB(in CostInputs) float64 {
	deliveries := k.liveUpdates
	if in.fanOut() {
		deliveries = k.messagingDeliveries
	}
	return in.Requests * deliveries.v() * k.messagingBytes.v() / 1e9
}

// fanOutChannel prices the channel a fleet holding the connections of
// fan-out messaging or of a few live features passes each message or
// update on between its instances, so that it reaches clients connected
// to any of them (Redis pub/sub, as Socket.IO's and SignalR's scale-out
// adapters use; two Fargate tasks holding a dashboard's live connections
// had been priced with none): the cloud's smallest managed Redis, for the
// month, for a fleet (servers, or serverless containers that keep their
// instances: not those that hand the connections to the managed service)
// of more than one instance at the busiest hour or kept in two zones. The
// messages are small and fleeting, and the smallest node carries tens of
// thousands a second; a far busier channel needs a larger node than the
// bill prices. A replica is priced as a second node at the single node's
// rate, or where the cloud sells the pair as a replicated tier of its own
// (Memorystore's and Azure Cache's Standard), at that tier's rate
// (fan_out_replicated_hourly): two Basic Memorystore instances had cost
// $72 where the Standard tier's replicated one costs $47 (review 117).
func (w *workload) fanOutChannel(peak float64) (Item, bool) {
	nodes := w.fanOutNodes(peak)
	if nodes == 0 {
		return Item{}, false
	}
	t := &w.c.t
	sz := w.fanOutSizing(peak)
	rate, perShard := sz.rate(t, nodes)
	product := w.c.Products.FanOut
	if sz.large {
		product = w.c.Products.FanOutLarge
	}
	facts := w.facts(rate)
	if t.fanOutGbps != nil {
		facts = append(facts, w.facts(t.fanOutGbps, t.fanOutLargeGbps, w.k.messagingBytes)...)
	}
	return Item{ID: "fan_out", Label: w.describe(func() string { return product + " for the messages between instances" }), USD: w.fanOutUSD(peak),
		Formula: w.describe(func() string { return w.fanOutFormula(sz, rate, nodes, perShard, peak) }),
		Facts:   facts}, true
}

// fanOutFormula is the working of fanOutChannel's item.
func (w *workload) fanOutFormula(sz fanOutSize, rate *Fact, nodes, perShard, peak float64) string {
	var f string
	switch {
	case perShard == 1 && nodes > 1:
		f = fmt.Sprintf("%s h × $%s for its replicated tier, a primary and a replica", trimFloat(w.hours), trimPrice(rate.v()))
	case nodes > 1:
		f = fmt.Sprintf("%s nodes (a replica in a second zone) × %s h × $%s a node", trimFloat(nodes), trimFloat(w.hours), trimPrice(rate.v()))
	default:
		f = fmt.Sprintf("%s h × $%s", trimFloat(w.hours), trimPrice(rate.v()))
	}
	if sz.shards > 1 {
		f = fmt.Sprintf("%s shards × (%s)", formatWhole(sz.shards), f)
	}
	t := &w.c.t
	if t.fanOutGbps == nil {
		return f
	}
	rps, bytes := formatWhole(math.Ceil(w.peakRPS())), formatWhole(w.k.messagingBytes.v())
	switch {
	case sz.sharded:
		within := "within the " + trimFloat(t.fanOutLargeGbps.v()) + " Gbit/s a node sustains"
		if sz.shards > 1 {
			within = "spread over shards of " + trimFloat(t.fanOutLargeGbps.v()) + " Gbit/s each"
		}
		every := max(peak, 1)
		return fmt.Sprintf("%s; each room a channel of its own, so that a message goes only to the instances of its recipients, at most %s: %s a second at the busiest hour × %s × %s bytes = %s Gbit/s, %s (to every one of %s instances it would be %s Gbit/s)",
			f, trimFloat(w.deliveries().v()), rps, trimFloat(sz.reach), bytes, trimFloat(RoundSignificant(sz.gbps, 2)),
			within, formatWhole(every), trimFloat(RoundSignificant(w.fanOutGbps(every), 2)))
	case sz.large:
		return fmt.Sprintf("%s; each message to every instance: %s a second at the busiest hour × %s instances × %s bytes = %s Gbit/s, past the %s Gbit/s %s sustains",
			f, rps, formatWhole(sz.reach), bytes, trimFloat(RoundSignificant(sz.gbps, 2)), trimFloat(t.fanOutGbps.v()), w.c.Products.FanOut)
	}
	return f
}

// connectionService prices the cloud's managed connection service for
// the messages the requests deliver, by messages, connection-minutes, data
// sent or capacity units, as the cloud's file prices it.
func (w *workload) connectionService(id, label string) Item {
	t, k, deliveries := &w.c.t, w.k, w.deliveries()
	msgs := w.in.Requests * deliveries.v()
	// Connected as long as the fleets count a client connected: minutes
	// for a few live features or chat, seconds for a stateful session.
	perPiece := w.connectedSeconds() / 60
	connMinutes := w.in.Requests * perPiece
	gb := w.messagesGB()
	usd := t.messagingConnectionMinutes.cost(connMinutes) + t.messagingGB.cost(max(0, gb-t.messagingFreeGB.v()))
	// A service that bills the data it sends (Firebase) sends it in place
	// of the data transfer out the answers count: the bill's data out
	// leaves those bytes out, up to the data out answered (finish). 600 GB
	// of messages had been billed twice, $590 of Firebase and $72 of data
	// out (reviews 86 and 95), and then taken off Firebase's own line, a
	// charge below zero under a service's name (reviews 98, 101, 103).
	sentInstead := 0.0
	if t.messagingGB != nil {
		sentInstead = min(gb, w.dataOutGB())
	}
	units, needed, instances, included, peak := 0.0, 0.0, 0.0, 0.0, 0.0
	if t.messagingUnitHourly != nil {
		// Units are sized for the busiest hour's connections, with the
		// shape's spare within the hour, since a unit refuses connections
		// past its own (traffic nobody forecast had been sized at its
		// average, below steady traffic's busiest hour); messages beyond
		// what the units include pay the overage price.
		peak = w.peakConnections()
		needed = max(1, math.Ceil(peak/max(t.messagingUnitConnections.v(), 1)-1e-9))
		units, instances = t.messagingUnits(needed)
		included = units * t.messagingUnitMessagesPerDay.v() * w.days
		usd += units * w.hours * t.messagingUnitHourly.v()
	}
	usd += t.messagingMessages.cost(max(0, msgs-included))
	return Item{ID: id, Label: label, USD: usd,
		Formula: w.describe(func() string {
			f := fmt.Sprintf("%s (%s per %s)", plural(math.Round(msgs), "message"), trimFloat(deliveries.v()), w.in.Entry.Piece())
			// Connection-minutes a piece, or seconds connected below one.
			short, each := trimFloat(perPiece), trimFloat(perPiece)+" connection-minutes"
			if perPiece < 1 {
				short = formatSeconds(perPiece*60) + " connected"
				each = short
			}
			if units > 0 {
				// The connections are an assumption of the model's, not an
				// answer: the formula says how they follow from the volume.
				spare := ""
				if h := w.prof.Headroom; h > 1 {
					spare = fmt.Sprintf(" with %s%% spare", trimFloat(math.Round((h-1)*100)))
				}
				f += fmt.Sprintf(": %s (%s connections each, for %s at once at the busiest hour%s, with %s per %s%s) × %s h × $%s",
					plural(units, "unit"), formatWhole(t.messagingUnitConnections.v()), formatWhole(math.Ceil(peak)), spare, each, w.in.Entry.Piece(),
					t.messagingUnitsNote(needed, units, instances), trimFloat(w.hours), trimPrice(t.messagingUnitHourly.v()))
			}
			if t.messagingMessages != nil {
				if included > 0 {
					f += fmt.Sprintf(" + those beyond the %s included", formatWhole(included))
				}
				f += fmt.Sprintf(" × %s%s", perMillion(t.messagingMessages), tierNote(t.messagingMessages, max(0, msgs-included)))
			}
			if t.messagingConnectionMinutes != nil {
				f += fmt.Sprintf(" + %s (%s per %s) × %s", plural(math.Round(connMinutes), "connection-minute"), short, w.in.Entry.Piece(), perMillion(t.messagingConnectionMinutes))
			}
			f += w.spreadNote()
			if t.messagingGB != nil {
				f += fmt.Sprintf(": %s sent (%s bytes a message)", formatData(gb), formatWhole(k.messagingBytes.v()))
				if free := t.messagingFreeGB.v(); gb <= free {
					f += ", within the " + formatData(free) + " free"
				} else {
					f += fmt.Sprintf("%s × $%s", freeNote(gb, free), trimFloat(t.messagingGB.Value))
				}
			}
			return f
		}),
		Facts:         w.facts(t.messagingMessages, t.messagingConnectionMinutes, t.messagingUnitHourly, t.messagingGB, t.messagingFreeGB, deliveries, w.connectedFact(), k.messagingBytes, t.messagingMaxConnections),
		sentInsteadGB: sentInstead}
}

// spreadNote says, in the managed connection service's working, over how
// many instances of it the busiest hour's clients are spread where one
// holds fewer: said on every bill that pays it, not only in the verdict's
// caveat, where 2.9 million clients had gone to Firebase on a runner-up's
// bill with nothing said (review 188).
func (w *workload) spreadNote() string {
	lim, peak := w.c.t.messagingMaxConnections, w.busiestConnections()
	if lim == nil || peak <= lim.v() || w.c.t.messagingUnitHourly != nil {
		// A service sold in units says its instances with its units
		// (messagingUnitsNote): "20 instances" had stood beside "spread
		// over 15 instances" on Azure Web PubSub (review 193).
		return ""
	}
	return fmt.Sprintf(", spread over %s for the %s connected at the busiest hour, each holding at most %s",
		plural(math.Ceil(peak/lim.v()), "instance"), FormatCount(RoundSignificant(peak, 2)), formatWhole(lim.v()))
}

// messagingUnits is how many units of the managed connection service are
// billed for needed, and over how many instances: an instance takes
// units one at a time up to messaging_units_one_at_a_time and in steps
// of messaging_unit_step past it, up to messaging_max_units, so that 23
// units needed are 30 billed, and 290 are three instances (100, 100 and
// 90): one instance had been billed 290 Standard units, which none holds
// (review 155).
func (t *cloudTable) messagingUnits(needed float64) (units, instances float64) {
	if t.messagingMaxUnits == nil || t.messagingUnitsOneAtATime == nil || t.messagingUnitStep == nil {
		return needed, 1
	}
	most, single, step := t.messagingMaxUnits.v(), t.messagingUnitsOneAtATime.v(), t.messagingUnitStep.v()
	instances = math.Ceil(needed/most - 1e-9)
	units = (instances - 1) * most
	if last := needed - units; last > single {
		units += math.Ceil(last/step-1e-9) * step
	} else {
		units += last
	}
	return units, instances
}

// messagingUnitsNote says, in a formula, how the units billed follow from
// those needed, where they differ or take more than one instance.
func (t *cloudTable) messagingUnitsNote(needed, units, instances float64) string {
	switch {
	case instances > 1:
		return fmt.Sprintf("; %s, %s at most each, the clients spread over them", plural(instances, "instance"), plural(t.messagingMaxUnits.v(), "unit"))
	case units > needed:
		return fmt.Sprintf("; %s needed, an instance's units past %s going in steps of %s", formatWhole(needed), formatWhole(t.messagingUnitsOneAtATime.v()), formatWhole(t.messagingUnitStep.v()))
	}
	return ""
}

// peakConnections is how many clients are connected at once at the
// busiest hour, with the shape's spare within the hour: what a managed
// connection service's capacity must hold.
func (w *workload) peakConnections() float64 { return w.busiestConnections() * w.prof.Headroom }

// busiestConnections is how many clients are connected at once in the
// busiest hour, on average over it: how many there are, where
// peakConnections is what capacity must hold.
func (w *workload) busiestConnections() float64 {
	return w.in.Requests * w.connectedSeconds() / (w.hours * 3600) * slices.Max(w.prof.Hourly)
}
