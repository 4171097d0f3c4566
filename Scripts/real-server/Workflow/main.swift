// A day's work against a real Prefect server through the generated client, written as a user of
// the client would write it: create, read, update, filter (also by a timestamp the server just
// returned), orchestrate, delete, and the typed errors for a missing id and an invalid body.
// Every step checks the values that came back and prints one line; the last line is
// "N passed, M failed", and the exit status is 1 when a step failed.
//
// Usage: PrefectWorkflow http://127.0.0.1:PORT/api   (Scripts/real-server-check runs it)
import Foundation
import Prefect

guard CommandLine.arguments.count == 2, let serverURL = URL(string: CommandLine.arguments[1]) else {
    print("usage: PrefectWorkflow SERVER_URL")
    exit(64)
}

let client = PrefectClient(serverURL: serverURL, timeout: 30)
let steps = Steps()
// Names unique to this run, so that a second run against the same database finds only its own.
let run = String(UUID().uuidString.prefix(8)).lowercased()
let later = wholeMicroseconds(Date().addingTimeInterval(3600))

// MARK: - The server

await steps.run("GET /health") {
    try checkEqual(try await client.healthCheck(), true, "health")
    return "true"
}

var apiVersion: String?

await steps.run("GET /version") {
    let version = try await client.serverVersion()
    try check(version.split(separator: ".").count == 3, "API version \(version) is not MAJOR.MINOR.PATCH")
    apiVersion = version
    return version
}

await steps.run("GET /admin/version") {
    let version = try await client.readVersion()
    try check(version.hasPrefix("3."), "server version \(version) is not 3.x")
    return version
}

await steps.run("GET /hello (a non-ASCII string body)") {
    try checkEqual(try await client.hello(), "👋", "greeting")
    return "👋"
}

// MARK: - Flows

var flow: Flow?
var otherFlow: Flow?

await steps.run("POST /flows/ (created, labels of two kinds)") {
    let created = try await client.createFlow(body: FlowCreate(
        name: "etl-\(run)", tags: ["etl", "nightly"], labels: ["team": .string("data"), "tier": .integer(2)]))
    flow = created
    try checkEqual(created.name, "etl-\(run)", "name")
    try checkEqual(created.tags, ["etl", "nightly"], "tags")
    try checkEqual(created.labels?["team"], .string("data"), "labels.team")
    try checkEqual(created.labels?["tier"], .integer(2), "labels.tier")
    try check(created.created != nil, "created is missing")
    return "id \(created.id.uuidString.lowercased())"
}

await steps.run("POST /flows/ (a second flow)") {
    let created = try await client.createFlow(body: FlowCreate(name: "load-\(run)", tags: ["etl"]))
    otherFlow = created
    try checkEqual(created.tags, ["etl"], "tags")
    return "id \(created.id.uuidString.lowercased())"
}

await steps.run("GET /flows/{id} (equal to what the create returned)") {
    let flow = try need(flow, "flow")
    let read = try await client.readFlow(id: flow.id)
    try checkEqual(read, flow, "flow")
    return "same flow, created \(micro(try need(read.created, "created")))"
}

await steps.run("GET /flows/name/{name} (with the API version header)") {
    let flow = try need(flow, "flow"), version = try need(apiVersion, "API version")
    let read = try await client.readFlowByName(name: flow.name, xPrefectAPIVersion: version)
    try checkEqual(read.id, flow.id, "id")
    return "found \(read.name)"
}

await steps.run("PATCH /flows/{id} then GET (tags replaced)") {
    let flow = try need(flow, "flow")
    try await client.updateFlow(id: flow.id, body: FlowUpdate(tags: ["etl", "weekly"]))
    let read = try await client.readFlow(id: flow.id)
    try checkEqual(read.tags, ["etl", "weekly"], "tags")
    return "tags \(read.tags ?? [])"
}

await steps.run("POST /flows/filter (name and tag)") {
    let flow = try need(flow, "flow"), other = try need(otherFlow, "second flow")
    let found = try await client.readFlows(body: ReadFlowsBody(flows: FlowFilter(
        name: FlowFilterName(any: [flow.name, other.name]), tags: FlowFilterTags(all: ["weekly"]))))
    try checkEqual(found.map(\.id), [flow.id], "flows")
    return "1 flow"
}

await steps.run("POST /flows/count (by tag)") {
    let flow = try need(flow, "flow"), other = try need(otherFlow, "second flow")
    let count = try await client.countFlows(body: CountFlowsBody(flows: FlowFilter(
        name: FlowFilterName(any: [flow.name, other.name]), tags: FlowFilterTags(all: ["etl"]))))
    try checkEqual(count, 2, "count")
    return "2"
}

await steps.run("POST /flows/paginate (page 2 of 2, by name)") {
    let flow = try need(flow, "flow"), other = try need(otherFlow, "second flow")
    let page = try await client.paginateFlows(body: PaginateFlowsBody(
        page: 2, flows: FlowFilter(name: FlowFilterName(any: [flow.name, other.name])), sort: .nameAsc, limit: 1))
    try checkEqual([page.count, page.pages, page.page, page.limit], [2, 2, 2, 1], "count, pages, page, limit")
    try checkEqual(page.results.map(\.name), [other.name], "results")
    return "\(page.results[0].name)"
}

await steps.run("POST /flows/ then GET /flows/name/{name} (a space, '#', '?', '+' and non-ASCII in the segment)") {
    let name = "etl #1? a+b ünï \(run)"
    let created = try await client.createFlow(body: FlowCreate(name: name))
    let read = try await client.readFlowByName(name: name)
    try checkEqual(read.id, created.id, "id")
    try checkEqual(read.name, name, "name")
    try await client.deleteFlow(id: created.id)
    return read.name
}

// MARK: - Flow runs and their states

let parameters: JSONValue = [
    "who": "world", "times": 3, "ratio": 0.5, "dry_run": false, "tags": ["a", "b"], "nested": ["ok": true], "none": .null,
]
var flowRun: FlowRunResponse?

await steps.run("POST /flow_runs/ (scheduled an hour ahead, parameters of every JSON kind)") {
    let flow = try need(flow, "flow")
    let created = try await client.createFlowRun(body: FlowRunCreate(
        flowID: flow.id, state: StateCreate(type: .scheduled, stateDetails: StateDetails(scheduledTime: later)),
        name: "run-\(run)", parameters: parameters, tags: ["workflow"]))
    flowRun = created
    try checkEqual(created.flowID, flow.id, "flow_id")
    try checkEqual(created.parameters, parameters, "parameters")
    try checkEqual(created.stateType, .scheduled, "state_type")
    try checkSameInstant(created.expectedStartTime, later, "expected_start_time")
    return "id \(created.id.uuidString.lowercased()), expected \(micro(try need(created.expectedStartTime, "expected_start_time")))"
}

await steps.run("GET /flow_runs/{id}") {
    let flowRun = try need(flowRun, "flow run")
    let read = try await client.readFlowRun(id: flowRun.id)
    try checkEqual(read.name, "run-\(run)", "name")
    try checkEqual(read.parameters, parameters, "parameters")
    try checkEqual(read.state?.type, .scheduled, "state.type")
    try checkSameInstant(read.state?.stateDetails?.scheduledTime, later, "state.state_details.scheduled_time")
    return "\(read.stateName ?? "?") at \(micro(later))"
}

await steps.run("POST /flow_runs/filter (expected start between the returned instant and itself)") {
    let flowRun = try need(flowRun, "flow run")
    let instant = try need(flowRun.expectedStartTime, "expected_start_time")
    let found = try await client.readFlowRuns(body: ReadFlowRunsBody(
        flowRuns: FlowRunFilter(expectedStartTime: FlowRunFilterExpectedStartTime(before: instant, after: instant))))
    try checkEqual(found.map(\.id), [flowRun.id], "flow runs starting at \(micro(instant))")
    return "found the run"
}

@MainActor func setState(_ type: StateType, force: Bool = false) async throws -> OrchestrationResult {
    let flowRun = try need(flowRun, "flow run")
    return try await client.setFlowRunState(
        id: flowRun.id, body: SetFlowRunStateBody(state: StateCreate(type: type), force: force))
}

await steps.run("POST /flow_runs/{id}/set_state RUNNING too early (WAIT, with its delay)") {
    let result = try await setState(.running)
    try checkEqual(result.status, .wait, "status")
    guard case .stateWaitDetails(let details) = result.details else {
        throw CheckFailure(description: "details: expected .stateWaitDetails, got \(result.details)")
    }
    try check((3500...3600).contains(details.delaySeconds), "delay_seconds \(details.delaySeconds) is not about an hour")
    try check(details.reason?.contains("future") == true, "reason: \(String(describing: details.reason))")
    return "wait \(details.delaySeconds) s: \(details.reason ?? "")"
}

await steps.run("POST /flow_runs/{id}/set_state PAUSED while scheduled (REJECT, with its reason)") {
    let result = try await setState(.paused)
    try checkEqual(result.status, .reject, "status")
    guard case .stateRejectDetails(let details) = result.details else {
        throw CheckFailure(description: "details: expected .stateRejectDetails, got \(result.details)")
    }
    try check(details.reason?.contains("not currently running") == true, "reason: \(String(describing: details.reason))")
    return details.reason ?? ""
}

await steps.run("POST /flow_runs/{id}/set_state RUNNING, forced (ACCEPT)") {
    let result = try await setState(.running, force: true)
    try checkEqual(result.status, .accept, "status")
    guard case .stateAcceptDetails = result.details else {
        throw CheckFailure(description: "details: expected .stateAcceptDetails, got \(result.details)")
    }
    try checkEqual(result.state?.type, .running, "state.type")
    return "running"
}

await steps.run("POST /flow_runs/{id}/set_state PENDING while running (ABORT, with its reason)") {
    let result = try await setState(.pending)
    try checkEqual(result.status, .abort, "status")
    guard case .stateAbortDetails(let details) = result.details else {
        throw CheckFailure(description: "details: expected .stateAbortDetails, got \(result.details)")
    }
    try check(details.reason?.contains("cannot transition") == true, "reason: \(String(describing: details.reason))")
    return details.reason ?? ""
}

await steps.run("GET /flow_run_states/ (the history, in order)") {
    let flowRun = try need(flowRun, "flow run")
    let states = try await client.readFlowRunStates(flowRunID: flowRun.id)
    try checkEqual(states.map(\.type), [.scheduled, .running], "state types")
    return states.map { $0.name ?? "?" }.joined(separator: " → ")
}

await steps.run("PATCH /flow_runs/{id} then GET (renamed, parameters kept)") {
    let flowRun = try need(flowRun, "flow run")
    try await client.updateFlowRun(id: flowRun.id, body: FlowRunUpdate(name: "renamed-\(run)"))
    let read = try await client.readFlowRun(id: flowRun.id)
    try checkEqual(read.name, "renamed-\(run)", "name")
    try checkEqual(read.parameters, parameters, "parameters")
    return read.name ?? ""
}

await steps.run("PATCH /flow_runs/{id}/labels (a free-form object body) then GET") {
    let flowRun = try need(flowRun, "flow run")
    try await client.updateFlowRunLabels(
        id: flowRun.id, body: ["stage": "test", "attempt": 2])
    let read = try await client.readFlowRun(id: flowRun.id)
    try checkEqual(read.labels?["stage"], .string("test"), "labels.stage")
    try checkEqual(read.labels?["attempt"], .integer(2), "labels.attempt")
    return "stage=test attempt=2"
}

await steps.run("POST /flow_runs/{id}/input then GET /flow_runs/{id}/input/{key}") {
    let flowRun = try need(flowRun, "flow run")
    _ = try await client.createFlowRunInput(
        id: flowRun.id, body: CreateFlowRunInputBody(key: "approval", value: "\"yes\""))
    let value = try await client.readFlowRunInput(id: flowRun.id, key: "approval")
    try checkEqual(value, .string("yes"), "input")
    return "approval = yes"
}

// MARK: - Task runs (inputs are a tagged union)

var taskRun: TaskRun?

await steps.run("POST /task_runs/ (inputs of three tagged kinds)") {
    let flowRun = try need(flowRun, "flow run")
    let inputs: [String: [TaskInputsValueItem]] = [
        "who": [.parameter(Parameter(name: "who"))],
        "upstream": [.flowRunResult(FlowRunResult(id: flowRun.id))],
        "limit": [.constant(Constant(type: "int"))],
    ]
    let created = try await client.createTaskRun(body: TaskRunCreate(
        taskKey: "extract", dynamicKey: "0", name: "extract-\(run)", flowRunID: flowRun.id, taskInputs: inputs))
    taskRun = created
    try checkEqual(created.flowRunID, flowRun.id, "flow_run_id")
    try checkEqual(created.taskInputs?["who"], inputs["who"], "task_inputs.who")
    try checkEqual(created.taskInputs?["upstream"], inputs["upstream"], "task_inputs.upstream")
    try checkEqual(created.taskInputs?["limit"], inputs["limit"], "task_inputs.limit")
    return "id \(created.id.uuidString.lowercased())"
}

await steps.run("GET /task_runs/{id} (inputs read back as their own kinds)") {
    let taskRun = try need(taskRun, "task run")
    let read = try await client.readTaskRun(id: taskRun.id)
    try checkEqual(read.taskInputs, taskRun.taskInputs, "task_inputs")
    guard case .parameter(let parameter)? = read.taskInputs?["who"]?.first else {
        throw CheckFailure(description: "task_inputs.who: expected .parameter, got \(String(describing: read.taskInputs?["who"]))")
    }
    try checkEqual(parameter.name, "who", "task_inputs.who.name")
    return "parameter, flow run result, constant"
}

await steps.run("POST /task_runs/{id}/set_state RUNNING (ACCEPT)") {
    let taskRun = try need(taskRun, "task run")
    let result = try await client.setTaskRunState(
        id: taskRun.id, body: SetTaskRunStateBody(state: StateCreate(type: .running)))
    try checkEqual(result.status, .accept, "status")
    try checkEqual(result.state?.type, .running, "state.type")
    return "running"
}

await steps.run("POST /task_runs/filter (by flow run)") {
    let taskRun = try need(taskRun, "task run"), flowRun = try need(flowRun, "flow run")
    let found = try await client.readTaskRuns(body: ReadTaskRunsBody(
        taskRuns: TaskRunFilter(flowRunID: TaskRunFilterFlowRunID(any: [flowRun.id]))))
    try checkEqual(found.map(\.id), [taskRun.id], "task runs")
    try checkEqual(found.first?.stateType, .running, "state_type")
    return "1 task run, running"
}

await steps.run("GET /ui/task_runs/{id} (with its flow run's name)") {
    let taskRun = try need(taskRun, "task run")
    let read = try await client.readTaskRunWithFlowRunName(id: taskRun.id)
    try checkEqual(read.id, taskRun.id, "id")
    try checkEqual(read.flowRunName, "renamed-\(run)", "flow_run_name")
    return read.flowRunName ?? ""
}

await steps.run("GET /flow_runs/{id}/graph-v2?since= (a date in the query)") {
    let flowRun = try need(flowRun, "flow run"), taskRun = try need(taskRun, "task run")
    let graph = try await client.readFlowRunGraphV2(id: flowRun.id, since: try need(flowRun.created, "created"))
    try check(graph.startTime != nil, "start_time is missing")
    try checkEqual(graph.nodes.compactMap { $0.first?.stringValue }, [taskRun.id.uuidString.lowercased()], "node ids")
    try checkEqual(graph.nodes.first?.last?["label"]?.stringValue, "extract-\(run)", "node label")
    return "1 node: extract-\(run)"
}

// MARK: - Logs (timestamps sent and filtered to the microsecond)

let firstLogTime = wholeMicroseconds(Date())
let secondLogTime = firstLogTime.addingTimeInterval(0.000_123)

await steps.run("POST /logs/ (two lines, microsecond timestamps)") {
    let flowRun = try need(flowRun, "flow run")
    _ = try await client.createLogs(body: [
        LogCreate(name: "workflow", level: 20, message: "first \(run)", timestamp: firstLogTime, flowRunID: flowRun.id),
        LogCreate(name: "workflow", level: 40, message: "second \(run)", timestamp: secondLogTime, flowRunID: flowRun.id),
    ])
    return "2 lines at \(micro(firstLogTime)) and \(micro(secondLogTime))"
}

await steps.run("POST /logs/filter (after the second line's own timestamp)") {
    let flowRun = try need(flowRun, "flow run")
    let logs = try await client.readLogs(body: ReadLogsBody(logs: LogFilter(
        timestamp: LogFilterTimestamp(after: secondLogTime), flowRunID: LogFilterFlowRunID(any: [flowRun.id]))))
    try checkEqual(logs.map(\.message), ["second \(run)"], "messages")
    try checkEqual(logs.first?.level, 40, "level")
    try checkSameInstant(logs.first?.timestamp, secondLogTime, "timestamp")
    return "1 line, timestamp \(micro(logs[0].timestamp))"
}

// MARK: - Variables (a value of any JSON kind)

let objectValue: [String: JSONValue] = ["threshold": 3, "channels": ["email", "sms"]]
let arrayValue: [JSONValue] = [1, "two", .null]

await steps.run("POST /variables/ (an object value)") {
    let created = try await client.createVariable(body: VariableCreate(
        name: "settings_\(run)", value: .object(objectValue), tags: ["workflow"]))
    try checkEqual(created.value, .object(objectValue), "value")
    return "object"
}

await steps.run("POST /variables/ (an array value)") {
    let created = try await client.createVariable(body: VariableCreate(
        name: "steps_\(run)", value: .array(arrayValue)))
    try checkEqual(created.value, .array(arrayValue), "value")
    return "array"
}

await steps.run("POST /variables/ (a null value)") {
    let created = try await client.createVariable(body: VariableCreate(name: "empty_\(run)", value: nil))
    try checkEqual(created.value, nil, "value")
    return "null"
}

await steps.run("GET /variables/name/{name}") {
    let read = try await client.readVariableByName(name: "steps_\(run)")
    try checkEqual(read.value, .array(arrayValue), "value")
    return "array of \(arrayValue.count)"
}

await steps.run("PATCH /variables/name/{name} (object → integer) then GET") {
    try await client.updateVariableByName(name: "settings_\(run)", body: VariableUpdate(value: .integer(42)))
    let read = try await client.readVariableByName(name: "settings_\(run)")
    try checkEqual(read.value, .integer(42), "value")
    return "42"
}

await steps.run("POST /variables/filter (name like, sorted)") {
    let found = try await client.readVariables(body: ReadVariablesBody(
        variables: VariableFilter(name: VariableFilterName(like: "_\(run)")), sort: .nameAsc))
    try checkEqual(found.map(\.name), ["empty_\(run)", "settings_\(run)", "steps_\(run)"], "names")
    return "3 variables"
}

await steps.run("POST /variables/count") {
    let count = try await client.countVariables(body: CountVariablesBody(
        variables: VariableFilter(name: VariableFilterName(like: "_\(run)"))))
    try checkEqual(count, 3, "count")
    return "3"
}

await steps.run("DELETE /variables/name/{name} then GET (404, the server's message kept)") {
    try await client.deleteVariableByName(name: "steps_\(run)")
    let error = try await expectError { try await client.readVariableByName(name: "steps_\(run)") }
    guard case .undocumented(404, _, let body) = error else {
        throw CheckFailure(description: "expected .undocumented(404), got \(error)")
    }
    try check(text(body).contains("Variable not found"), "body: \(text(body))")
    return "404 \(text(body))"
}

// MARK: - Global concurrency limits (a path parameter that is an id or a name)

var limit: ConcurrencyLimitV2?

await steps.run("POST /v2/concurrency_limits/") {
    let created = try await client.createConcurrencyLimitV2(body: ConcurrencyLimitV2Create(
        name: "db-\(run)", limit: 5, slotDecayPerSecond: 0.5))
    limit = created
    try checkEqual(created.name, "db-\(run)", "name")
    try checkEqual(created.limit, 5, "limit")
    try checkEqual(created.slotDecayPerSecond, 0.5, "slot_decay_per_second")
    return "id \(created.id.uuidString.lowercased())"
}

await steps.run("GET /v2/concurrency_limits/{id_or_name} (by id)") {
    let limit = try need(limit, "concurrency limit")
    let read = try await client.readConcurrencyLimitV2(idOrName: .uuid(limit.id))
    try checkEqual(read.name, limit.name, "name")
    try checkEqual(read.activeSlots, 0, "active_slots")
    return read.name
}

await steps.run("PATCH /v2/concurrency_limits/{id_or_name} (by name) then GET by name") {
    let limit = try need(limit, "concurrency limit")
    try await client.updateConcurrencyLimitV2(
        idOrName: .string(limit.name), body: ConcurrencyLimitV2Update(limit: 7))
    let read = try await client.readConcurrencyLimitV2(idOrName: .string(limit.name))
    try checkEqual(read.id, limit.id, "id")
    try checkEqual(read.limit, 7, "limit")
    return "limit 7"
}

await steps.run("DELETE /v2/concurrency_limits/{id_or_name} (by id) then GET (404)") {
    let limit = try need(limit, "concurrency limit")
    try await client.deleteConcurrencyLimitV2(idOrName: .uuid(limit.id))
    let error = try await expectError {
        try await client.readConcurrencyLimitV2(idOrName: .uuid(limit.id))
    }
    try checkEqual(error.status, 404, "status")
    return "404"
}

// MARK: - Deployments (schedules are a union without a tag)

var deployment: DeploymentResponse?
let anchor = wholeMicroseconds(Date(timeIntervalSince1970: 1_767_225_600.123456))

func describeSchedules(_ schedules: [DeploymentSchedule]) throws -> String {
    var kinds: [String] = []
    for schedule in schedules {
        switch schedule.schedule {
        case .intervalScheduleOutput(let interval):
            try checkEqual(interval.interval, 3600, "interval")
            try checkSameInstant(interval.anchorDate, anchor, "anchor_date")
            kinds.append("interval")
        case .cronSchedule(let cron):
            try checkEqual(cron.cron, "0 9 * * 1-5", "cron")
            try checkEqual(cron.timezone, "Europe/Berlin", "timezone")
            kinds.append("cron")
        default:
            throw CheckFailure(description: "unexpected schedule \(schedule.schedule)")
        }
    }
    try checkEqual(kinds.sorted(), ["cron", "interval"], "schedule kinds")
    return kinds.sorted().joined(separator: " + ")
}

await steps.run("POST /deployments/ (an interval and a cron schedule)") {
    let flow = try need(flow, "flow")
    let created = try await client.createDeployment(body: DeploymentCreate(
        name: "nightly-\(run)", flowID: flow.id,
        schedules: [
            DeploymentScheduleCreate(schedule: .intervalScheduleInput(IntervalScheduleInput(interval: .number(3600), anchorDate: anchor))),
            DeploymentScheduleCreate(schedule: .cronSchedule(CronSchedule(cron: "0 9 * * 1-5", timezone: "Europe/Berlin"))),
        ],
        parameters: ["who": "deploy"], tags: ["workflow"]))
    deployment = created
    try checkEqual(created.flowID, flow.id, "flow_id")
    try checkEqual(created.parameters, ["who": "deploy"], "parameters")
    return "id \(created.id.uuidString.lowercased()), " + (try describeSchedules(created.schedules ?? []))
}

await steps.run("GET /deployments/name/{flow_name}/{deployment_name}") {
    let deployment = try need(deployment, "deployment"), flow = try need(flow, "flow")
    let read = try await client.readDeploymentByName(
        flowName: flow.name, deploymentName: deployment.name)
    try checkEqual(read.id, deployment.id, "id")
    return "\(flow.name)/\(read.name)"
}

await steps.run("GET /deployments/{id}/schedules") {
    let deployment = try need(deployment, "deployment")
    let schedules = try await client.readDeploymentSchedules(id: deployment.id)
    return try describeSchedules(schedules)
}

await steps.run("POST /deployments/{id}/create_flow_run (parameters merged)") {
    let deployment = try need(deployment, "deployment")
    let created = try await client.createFlowRunFromDeployment(
        id: deployment.id, body: DeploymentFlowRunCreate(parameters: ["times": 5]))
    try checkEqual(created.deploymentID, deployment.id, "deployment_id")
    try checkEqual(created.parameters, ["who": "deploy", "times": 5], "parameters")
    return "run \(created.id.uuidString.lowercased())"
}

await steps.run("POST /deployments/{id}/pause_deployment then GET (paused)") {
    let deployment = try need(deployment, "deployment")
    _ = try await client.pauseDeployment(id: deployment.id)
    let read = try await client.readDeployment(id: deployment.id)
    try checkEqual(read.paused, true, "paused")
    return "paused"
}

// MARK: - Automations (a tagged trigger and a list of tagged actions)

var automation: Automation?

await steps.run("POST /automations/ (event trigger; do-nothing, pause-deployment and cancel-flow-run actions)") {
    let deployment = try need(deployment, "deployment")
    let created = try await client.createAutomation(body: AutomationCreate(
        name: "on-failure-\(run)",
        trigger: .eventTriggerInput(EventTriggerInput(
            posture: .reactive, match: .dictionary(["prefect.resource.id": .string("prefect.flow-run.*")]),
            expect: ["prefect.flow-run.Failed"], threshold: 2, within: .number(60))),
        actions: [.doNothing(DoNothing()), .pauseDeployment(PauseDeployment(source: .selected, deploymentID: deployment.id))],
        actionsOnTrigger: [.cancelFlowRun(CancelFlowRun())]))
    automation = created
    guard case .eventTriggerOutput(let trigger) = created.trigger else {
        throw CheckFailure(description: "trigger: expected .eventTriggerOutput, got \(created.trigger)")
    }
    try checkEqual(trigger.posture, .reactive, "trigger.posture")
    try checkEqual(trigger.threshold, 2, "trigger.threshold")
    try checkEqual(trigger.within, 60, "trigger.within")
    try checkEqual(trigger.expect, ["prefect.flow-run.Failed"], "trigger.expect")
    try checkEqual(created.actions.count, 2, "actions")
    guard case .doNothing = created.actions[0] else {
        throw CheckFailure(description: "actions[0]: expected .doNothing, got \(created.actions[0])")
    }
    guard case .pauseDeployment(let pause) = created.actions[1] else {
        throw CheckFailure(description: "actions[1]: expected .pauseDeployment, got \(created.actions[1])")
    }
    try checkEqual(pause.deploymentID, deployment.id, "actions[1].deployment_id")
    guard case .cancelFlowRun? = created.actionsOnTrigger?.first else {
        throw CheckFailure(description: "actions_on_trigger: expected [.cancelFlowRun], got \(String(describing: created.actionsOnTrigger))")
    }
    return "id \(created.id.uuidString.lowercased())"
}

await steps.run("GET /automations/{id} (equal to what the create returned)") {
    let automation = try need(automation, "automation")
    let read = try await client.readAutomation(id: automation.id)
    try checkEqual(read, automation, "automation")
    return read.name
}

await steps.run("PATCH /automations/{id} (disable) then GET") {
    let automation = try need(automation, "automation")
    try await client.patchAutomation(id: automation.id, body: AutomationPartialUpdate(enabled: false))
    let read = try await client.readAutomation(id: automation.id)
    try checkEqual(read.enabled, false, "enabled")
    return "disabled"
}

await steps.run("POST /automations/filter (by name)") {
    let automation = try need(automation, "automation")
    let found = try await client.readAutomations(body: ReadAutomationsBody(
        automations: AutomationFilter(name: AutomationFilterName(any: [automation.name]))))
    try checkEqual(found.map(\.id), [automation.id], "automations")
    return "1 automation"
}

await steps.run("DELETE /automations/{id} then GET (404)") {
    let automation = try need(automation, "automation")
    try await client.deleteAutomation(id: automation.id)
    let error = try await expectError { try await client.readAutomation(id: automation.id) }
    try checkEqual(error.status, 404, "status")
    return "404"
}

// MARK: - Work pools (PATCH that clears a value with an explicit null)

let poolName = "pool-\(run)"
let jobTemplate: JSONValue = [
    "job_configuration": ["command": "{{ command }}"],
    "variables": ["type": "object", "properties": ["command": ["type": "string"]]],
]

await steps.run("POST /work_pools/ (a job template, a concurrency limit)") {
    let created = try await client.createWorkPool(body: WorkPoolCreate(
        name: poolName, type: "process", baseJobTemplate: jobTemplate, concurrencyLimit: 2))
    try checkEqual(created.name, poolName, "name")
    try checkEqual(created.type, "process", "type")
    try checkEqual(created.baseJobTemplate, jobTemplate, "base_job_template")
    try checkEqual(created.concurrencyLimit, 2, "concurrency_limit")
    try checkEqual(created.status, .notReady, "status")
    try check(created.defaultQueueID != nil, "default_queue_id is missing")
    return "id \(created.id.uuidString.lowercased())"
}

await steps.run("PATCH /work_pools/{name} (a description; the limit cleared with null) then GET") {
    try await client.updateWorkPool(
        name: poolName, body: WorkPoolUpdate(description: "nightly jobs", concurrencyLimit: .some(nil)))
    let read = try await client.readWorkPool(name: poolName)
    try checkEqual(read.description, "nightly jobs", "description")
    try checkEqual(read.concurrencyLimit, nil, "concurrency_limit")
    try checkEqual(read.baseJobTemplate, jobTemplate, "base_job_template")
    return "limit cleared"
}

await steps.run("POST /work_pools/{name}/queues") {
    let queue = try await client.createWorkQueueWorkPoolsWorkPoolNameQueuesPost(
        workPoolName: poolName, body: WorkQueueCreate(name: "urgent", concurrencyLimit: 5, priority: 1))
    try checkEqual(queue.name, "urgent", "name")
    try checkEqual(queue.priority, 1, "priority")
    try checkEqual(queue.concurrencyLimit, 5, "concurrency_limit")
    try checkEqual(queue.workPoolName, poolName, "work_pool_name")
    return "id \(queue.id.uuidString.lowercased())"
}

await steps.run("GET /work_pools/{work_pool_name}/queues/{name}") {
    let queue = try await client.readWorkQueueWorkPoolsWorkPoolNameQueuesNameGet(workPoolName: poolName, name: "urgent")
    try checkEqual(queue.priority, 1, "priority")
    try checkEqual(queue.workPoolName, poolName, "work_pool_name")
    return "\(poolName)/urgent"
}

await steps.run("POST /work_pools/filter (by name)") {
    let found = try await client.readWorkPools(body: ReadWorkPoolsBody(
        workPools: WorkPoolFilter(name: WorkPoolFilterName(any: [poolName]))))
    try checkEqual(found.map(\.name), [poolName], "work pools")
    return "1 work pool"
}

// MARK: - Blocks (free-form fields and data)

var blockDocument: BlockDocument?
var blockSchema: BlockSchema?
let blockData: JSONValue = ["url": "https://hooks.example.invalid/x", "retries": 3, "verbose": true]

await steps.run("POST /block_types/, /block_schemas/ and /block_documents/") {
    let type = try await client.createBlockType(body: BlockTypeCreate(name: "Hook \(run)", slug: "hook-\(run)"))
    try checkEqual(type.slug, "hook-\(run)", "block type slug")
    let fields: JSONValue = [
        "title": .string("Hook \(run)"), "type": "object", "required": ["url"],
        "properties": ["url": ["type": "string"], "retries": ["type": "integer"], "verbose": ["type": "boolean"]],
    ]
    let schema = try await client.createBlockSchema(body: BlockSchemaCreate(
        blockTypeID: type.id, fields: fields, capabilities: ["notify"]))
    try checkEqual(schema.blockTypeID, type.id, "block schema's block_type_id")
    try checkEqual(schema.capabilities, ["notify"], "capabilities")
    try check(schema.checksum.hasPrefix("sha256:"), "checksum \(schema.checksum)")
    blockSchema = schema
    let document = try await client.createBlockDocument(body: BlockDocumentCreate(
        blockSchemaID: schema.id, blockTypeID: type.id, name: "hook-\(run)", data: blockData))
    blockDocument = document
    try checkEqual(document.data, blockData, "data")
    try checkEqual(document.blockType?.slug, "hook-\(run)", "block_type.slug")
    return "document \(document.id.uuidString.lowercased())"
}

await steps.run("GET /block_documents/{id}?include_secrets=true") {
    let document = try need(blockDocument, "block document")
    let read = try await client.readBlockDocumentByID(id: document.id, includeSecrets: true)
    try checkEqual(read.name, "hook-\(run)", "name")
    try checkEqual(read.data, blockData, "data")
    try checkEqual(read.blockSchema?.capabilities, ["notify"], "block_schema.capabilities")
    return read.name ?? ""
}

await steps.run("GET /block_schemas/checksum/{checksum} (a ':' in the segment)") {
    let schema = try need(blockSchema, "block schema")
    let read = try await client.readBlockSchemaByChecksum(checksum: schema.checksum)
    try checkEqual(read.id, schema.id, "id")
    return schema.checksum.prefix(19) + "…"
}

await steps.run("GET /block_types/slug/{slug}/block_documents/name/{name}") {
    let document = try need(blockDocument, "block document")
    let read = try await client.readBlockDocumentByNameForBlockType(
        slug: "hook-\(run)", blockDocumentName: "hook-\(run)")
    try checkEqual(read.id, document.id, "id")
    try checkEqual(read.data, blockData, "data")
    return "hook-\(run)/hook-\(run)"
}

// MARK: - Artifacts, history and the UI's views

await steps.run("POST /artifacts/ (object data) then GET /artifacts/{key}/latest") {
    let flowRun = try need(flowRun, "flow run")
    let table: [String: JSONValue] = ["rows": [[1, "a"]], "columns": ["n", "s"]]
    let created = try await client.createArtifact(body: ArtifactCreate(
        key: "report-\(run)", type: "table", data: .object(table), flowRunID: flowRun.id))
    try checkEqual(created.data, .object(table), "data")
    let latest = try await client.readLatestArtifact(key: "report-\(run)")
    try checkEqual(latest.key, "report-\(run)", "key")
    try checkEqual(latest.data, .object(table), "latest data")
    try checkEqual(latest.flowRunID, flowRun.id, "flow_run_id")
    return "report-\(run)"
}

await steps.run("POST /flow_runs/history (three one-hour buckets)") {
    let flowRun = try need(flowRun, "flow run")
    let start = wholeMicroseconds(Date().addingTimeInterval(-3600))
    let history = try await client.flowRunHistory(body: FlowRunHistoryBody(
        historyStart: start, historyEnd: start.addingTimeInterval(3 * 3600), historyIntervalSeconds: 3600,
        flowRuns: FlowRunFilter(id: FlowRunFilterID(any: [flowRun.id]))))
    try checkEqual(history.count, 3, "buckets")
    try checkSameInstant(history.first?.intervalStart, start, "first interval_start")
    for bucket in history {
        try checkEqual(bucket.intervalEnd.timeIntervalSince(bucket.intervalStart), 3600, "bucket length")
    }
    let counted = history.flatMap(\.states).reduce(0) { $0 + $1.countRuns }
    try checkEqual(counted, 1, "runs counted")
    return "3 buckets, 1 run"
}

await steps.run("POST /ui/flows/next-runs (a map whose values may be null)") {
    let flow = try need(flow, "flow"), other = try need(otherFlow, "second flow")
    let next = try await client.nextRunsByFlow(body: NextRunsByFlowBody(
        flowIds: [flow.id, other.id]))
    let mine = try need(next[flow.id.uuidString.lowercased()] ?? nil, "next run of \(flow.name)")
    try checkEqual(mine.flowID, flow.id, "flow_id")
    try checkEqual(mine.stateType, .scheduled, "state_type")
    try check(next.keys.contains(other.id.uuidString.lowercased()), "no entry for \(other.name): \(next.keys.sorted())")
    try checkEqual(next[other.id.uuidString.lowercased()] ?? nil, nil, "next run of \(other.name)")
    return "\(mine.name) next; none for \(other.name)"
}

await steps.run("POST /flow_runs/lateness (a number, or null when no run matches)") {
    let flowRun = try need(flowRun, "flow run")
    let none = try await client.averageFlowRunLateness(body: AverageFlowRunLatenessBody(
        flowRuns: FlowRunFilter(id: FlowRunFilterID(any: [UUID()]))))
    try checkEqual(none, nil, "lateness of no run")
    let mine = try await client.averageFlowRunLateness(body: AverageFlowRunLatenessBody(
        flowRuns: FlowRunFilter(id: FlowRunFilterID(any: [flowRun.id]))))
    let seconds = try need(mine, "lateness of the run")
    try check(seconds >= 0, "lateness \(seconds)")
    return "null, then \(seconds) s"
}

await steps.run("POST /ui/schemas/validate (a list of strings and two kinds of error objects)") {
    let result = try await client.validateObj(body: ValidateObjBody(
        schema: .object(["type": .string("object"), "required": .array([.string("n")]),
                         "properties": .object(["n": .object(["type": .string("integer")])])]),
        values: .object(["n": .string("x")])))
    try checkEqual(result.valid, false, "valid")
    guard case .schemaValuePropertyError(let error)? = result.errors.first else {
        throw CheckFailure(description: "errors[0]: expected a property error, got \(result.errors)")
    }
    try checkEqual(error.property, "n", "errors[0].property")
    try checkEqual(error.errors.count, 1, "errors[0].errors")
    return "n: \(error.errors)"
}

await steps.run("POST /templates/validate (a JSON string body; 204 on success)") {
    try await client.validateTemplateTemplatesValidatePost(body: "Hello {{ flow_run.name }}")
    return "valid"
}

await steps.run("GET /block_capabilities/") {
    let capabilities = try await client.readAvailableBlockCapabilities()
    try check(capabilities.contains("notify"), "capabilities: \(capabilities)")
    return capabilities.joined(separator: ", ")
}

await steps.run("GET /admin/settings (a large nested model)") {
    let settings = try await client.readSettings()
    try checkEqual(settings.server?.api?.host, "127.0.0.1", "server.api.host")
    try checkEqual(settings.server?.api?.csrfProtectionEnabled, false, "server.api.csrf_protection_enabled")
    try checkEqual(settings.server?.analyticsEnabled, false, "server.analytics_enabled")
    try check(settings.home?.isEmpty == false, "home is empty")
    return "host \(settings.server?.api?.host ?? "?")"
}

// MARK: - Typed errors

await steps.run("GET /flows/{id} with an unknown id (404, the server's message kept)") {
    let error = try await expectError { try await client.readFlow(id: UUID()) }
    guard case .undocumented(404, _, let body) = error else {
        throw CheckFailure(description: "expected .undocumented(404), got \(error)")
    }
    try check(text(body).contains("Flow not found"), "body: \(text(body))")
    return "404 \(text(body))"
}

await steps.run("GET /flows/{id} with an API version the server refuses (400, the server's message kept)") {
    let error = try await expectError { try await client.readFlow(id: UUID(), xPrefectAPIVersion: "0.1.0") }
    guard case .undocumented(400, _, let body) = error else {
        throw CheckFailure(description: "expected .undocumented(400), got \(error)")
    }
    try check(text(body).contains("requires version"), "body: \(text(body))")
    return "400 \(text(body))"
}

await steps.run("POST /flows/ with a name the pattern forbids (422, the server's message kept)") {
    let error = try await expectError { try await client.createFlow(body: FlowCreate(name: "a/b")) }
    guard case .response(422, _, .httpValidationError, let raw) = error else {
        throw CheckFailure(description: "expected .response(422, .httpValidationError), got \(error)")
    }
    try check(text(raw).contains("String should match pattern"), "body: \(text(raw))")
    return "422 string_pattern_mismatch"
}

await steps.run("POST /variables/ with a name over 255 characters (422)") {
    let error = try await expectError {
        try await client.createVariable(body: VariableCreate(name: String(repeating: "x", count: 300), value: .integer(1)))
    }
    guard case .response(422, _, .httpValidationError, let raw) = error else {
        throw CheckFailure(description: "expected .response(422, .httpValidationError), got \(error)")
    }
    try check(text(raw).contains("too_long"), "body: \(text(raw))")
    return "422 too_long"
}

await steps.run("GET /csrf-token while CSRF is off (422 whose body is not the documented one)") {
    let error = try await expectError { try await client.createCsrfToken(client: "workflow-\(run)") }
    try checkEqual(error.status, 422, "status")
    let body = try need(error.rawBody, "raw body")
    try check(text(body).contains("CSRF protection is disabled"), "body: \(text(body))")
    return "422 \(text(body))"
}

// MARK: - Clean up

await steps.run("DELETE /work_pools/{name} and DELETE /block_documents/{id} then GET (404)") {
    let document = try need(blockDocument, "block document")
    try await client.deleteWorkPool(name: poolName)
    try await client.deleteBlockDocument(id: document.id)
    let pool = try await expectError { try await client.readWorkPool(name: poolName) }
    let block = try await expectError { try await client.readBlockDocumentByID(id: document.id) }
    try checkEqual([pool.status, block.status], [404, 404], "statuses")
    return "404, 404"
}

await steps.run("DELETE /flow_runs/{id} then GET (404)") {
    let flowRun = try need(flowRun, "flow run")
    try await client.deleteFlowRun(id: flowRun.id)
    let error = try await expectError { try await client.readFlowRun(id: flowRun.id) }
    try checkEqual(error.status, 404, "status")
    return "404"
}

await steps.run("DELETE /deployments/{id} and DELETE /flows/{id} then GET (404)") {
    let deployment = try need(deployment, "deployment"), flow = try need(flow, "flow")
    try await client.deleteDeployment(id: deployment.id)
    try await client.deleteFlow(id: flow.id)
    let error = try await expectError { try await client.readFlow(id: flow.id) }
    try checkEqual(error.status, 404, "status")
    return "404"
}

steps.finish()
