import Hummingbird
import IMCore

/// Device management without a session (§1.3): list and kick a user's sessions with a password or token.
struct DeviceController {
    let state: ServerState

    /// `POST /v1/devices/list`.
    func list(_ request: Request) async throws -> Response {
        let app = try state.apps.app(request.header(Header.app))
        let key = try await state.verifyDeviceCredentials(try await request.decodeWire(DeviceCredentials.self), app: app)
        let now = WallClock.milliseconds()
        let grace = app.settings.onlineGraceSeconds
        var devices: [DeviceInfo] = []
        for session in try await state.store.sessions(of: key) where !session.isEnding {
            let online = await state.hub.isOnline(session.resource, graceSeconds: grace) || now - session.loginTime < Int64(grace) * 1000
            devices.append(
                DeviceInfo(
                    resource: session.resource, deviceUUID: session.deviceUUID, deviceName: session.deviceName,
                    platform: session.platform, loginTime: session.loginTime, online: online
                )
            )
        }
        return try APIResponse.json(devices)
    }

    /// `POST /v1/devices/kick`: one session by resource, or all with `all: true`; each gets 217.
    func kick(_ request: Request) async throws -> Response {
        let app = try state.apps.app(request.header(Header.app))
        let body = try await request.decodeWire(DeviceCredentials.self)
        guard body.resource != nil || body.all == true else {
            throw ChatError(.invalidParam, "name a resource to kick, or set all to true")
        }
        let key = try await state.verifyDeviceCredentials(body, app: app)
        let resources = body.all == true ? nil : body.resource.map { [$0] }
        let kicked = try await state.store.kick(key, resources: resources, now: WallClock.milliseconds())
        return try APIResponse.json(KickResult(kicked: kicked))
    }
}
