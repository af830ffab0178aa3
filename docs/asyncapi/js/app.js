
    const schema = {
  "asyncapi": "3.1.0",
  "info": {
    "title": "HugMood realtime",
    "version": "4",
    "description": "The Socket.IO protocol of the HugMood real-time server: presence, friends, hugs, group hugs, moods, notifications and the feed.\nGenerated from the zod schemas in `protocol/` by `npm run asyncapi`; the version is the protocol version (a client may send any of 2, 3, 4).\n\nConnect with Socket.IO 4 over WebSocket to the default namespace, with the handshake `auth: { token, v, deviceId?, deviceKind? }` (`v`: the protocol version). The wire is a msgpack Socket.IO parser by default (plain MessagePack, compatible with `socket.io-msgpack-parser`) or JSON (`WIRE=json`); `GET /v1/server` tells which. A refused handshake gets a `connect_error` whose `data` is a ProtocolError with `details.reason`:\n- `token_missing`: No token in `auth.token`. Fatal.\n- `token_invalid`: Bad signature, wrong issuer or audience, malformed. Fatal.\n- `token_expired`: The token's `exp` has passed. The SDK asks `getToken()` again.\n- `user_unknown`: The token is valid but its user no longer exists. Fatal.\n- `auth_invalid`: A field of the handshake `auth` object other than the token is malformed (`deviceId`, `deviceKind`). Fatal.\n- `protocol_version`: `auth.v` is missing or not supported. Fatal.\n- `wire_mismatch`: The client speaks the other wire format (msgpack against a JSON server, or the reverse); `details.clientWire` and `details.serverWire` say which. Fatal: fix the client's `wire`.\n- `connection_limit`: The user already holds `MAX_CONNECTIONS_PER_USER` sockets. Retried with backoff.\n- `rate_limited`: A connection of this user was just cut for flooding; retried after `retryAfterMs`.\n- `origin`: The browser Origin is not in `ALLOWED_ORIGINS`. Refused before the WebSocket upgrade (HTTP 403), so a browser sees only a failed connection; the reason shows in HTTP error bodies and metrics.",
    "license": {
      "name": "Proprietary"
    }
  },
  "defaultContentType": "application/json",
  "servers": {
    "local": {
      "host": "127.0.0.1:3000",
      "protocol": "ws",
      "pathname": "/socket.io/",
      "description": "`npm start` on the embedded default. The Socket.IO path: append `?EIO=4&transport=websocket`."
    }
  },
  "channels": {
    "connection": {
      "address": "/socket.io/",
      "title": "One client connection",
      "description": "Every command and event travels over the client's one Socket.IO connection. Commands are events with an acknowledgement callback; events the server does not know, events sent without an ack, and reserved names are refused (`command:rejected`).",
      "messages": {
        "auth.refresh": {
          "name": "auth:refresh",
          "title": "auth:refresh",
          "summary": "`auth:refresh`: replace the socket's access token before it expires.",
          "payload": {
            "type": "object",
            "properties": {
              "token": {
                "type": "string",
                "minLength": 1,
                "maxLength": 8192,
                "x-parser-schema-id": "<anonymous-schema-1>"
              }
            },
            "required": [
              "token"
            ],
            "x-parser-schema-id": "auth.refresh.payload"
          },
          "x-parser-unique-object-id": "auth.refresh"
        },
        "auth.refresh.ack": {
          "name": "auth:refresh",
          "title": "auth:refresh ack",
          "summary": "`auth:refresh` result.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-4>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "userId": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-5>"
                      },
                      "expiresAt": {
                        "type": "integer",
                        "description": "epoch milliseconds (server time)",
                        "x-parser-schema-id": "<anonymous-schema-6>"
                      }
                    },
                    "required": [
                      "userId",
                      "expiresAt"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "auth.refresh.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-3>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-8>"
                  },
                  "error": {
                    "type": "object",
                    "properties": {
                      "code": {
                        "type": "string",
                        "enum": [
                          "invalid_payload",
                          "unauthorized",
                          "forbidden",
                          "not_found",
                          "rate_limited",
                          "conflict",
                          "unavailable",
                          "internal"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-9>"
                      },
                      "message": {
                        "type": "string",
                        "description": "a human-readable sentence; never secrets",
                        "x-parser-schema-id": "<anonymous-schema-10>"
                      },
                      "details": {
                        "description": "structured context, e.g. { field: \"userIds.0\" } for invalid_payload",
                        "readOnly": true,
                        "type": "object",
                        "propertyNames": {
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-19>"
                        },
                        "additionalProperties": {
                          "anyOf": [
                            {
                              "type": "string",
                              "x-parser-schema-id": "<anonymous-schema-12>"
                            },
                            {
                              "type": "number",
                              "x-parser-schema-id": "<anonymous-schema-13>"
                            },
                            {
                              "type": "boolean",
                              "x-parser-schema-id": "<anonymous-schema-14>"
                            },
                            {
                              "type": "null",
                              "x-parser-schema-id": "<anonymous-schema-15>"
                            },
                            {
                              "readOnly": true,
                              "type": "array",
                              "items": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error.properties.details.additionalProperties",
                              "x-parser-schema-id": "<anonymous-schema-16>"
                            },
                            {
                              "readOnly": true,
                              "type": "object",
                              "propertyNames": {
                                "type": "string",
                                "x-parser-schema-id": "<anonymous-schema-18>"
                              },
                              "additionalProperties": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error.properties.details.additionalProperties",
                              "x-parser-schema-id": "<anonymous-schema-17>"
                            }
                          ],
                          "x-parser-schema-id": "ErrorDetailValue"
                        },
                        "x-parser-schema-id": "<anonymous-schema-11>"
                      },
                      "retryAfterMs": {
                        "description": "with rate_limited and unavailable: how long to wait before trying again",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-20>"
                      }
                    },
                    "required": [
                      "code",
                      "message"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "ProtocolError"
                  }
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-7>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-2>"
          },
          "x-parser-unique-object-id": "auth.refresh.ack"
        },
        "presence.watch": {
          "name": "presence:watch",
          "title": "presence:watch",
          "summary": "`presence:watch`",
          "payload": {
            "type": "object",
            "properties": {
              "userIds": {
                "minItems": 1,
                "maxItems": 100,
                "type": "array",
                "items": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 128,
                  "pattern": "^[A-Za-z0-9_.:|@-]+$",
                  "x-parser-schema-id": "<anonymous-schema-22>"
                },
                "x-parser-schema-id": "<anonymous-schema-21>"
              }
            },
            "required": [
              "userIds"
            ],
            "x-parser-schema-id": "presence.watch.payload"
          },
          "x-parser-unique-object-id": "presence.watch"
        },
        "presence.watch.ack": {
          "name": "presence:watch",
          "title": "presence:watch ack",
          "summary": "`presence:watch` result: a snapshot of each allowed user, and the refusals.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-25>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "presences": {
                        "readOnly": true,
                        "type": "array",
                        "items": {
                          "type": "object",
                          "properties": {
                            "userId": {
                              "type": "string",
                              "x-parser-schema-id": "<anonymous-schema-27>"
                            },
                            "status": {
                              "type": "string",
                              "enum": [
                                "online",
                                "away",
                                "offline",
                                "hidden"
                              ],
                              "x-parser-schema-id": "<anonymous-schema-28>"
                            },
                            "lastSeenAt": {
                              "anyOf": [
                                {
                                  "type": "integer",
                                  "description": "epoch milliseconds (server time)",
                                  "x-parser-schema-id": "<anonymous-schema-30>"
                                },
                                {
                                  "type": "null",
                                  "x-parser-schema-id": "<anonymous-schema-31>"
                                }
                              ],
                              "x-parser-schema-id": "<anonymous-schema-29>"
                            },
                            "activity": {
                              "type": [
                                "string",
                                "null"
                              ],
                              "x-parser-schema-id": "<anonymous-schema-32>"
                            },
                            "devices": {
                              "readOnly": true,
                              "type": "array",
                              "items": {
                                "type": "object",
                                "properties": {
                                  "kind": {
                                    "type": "string",
                                    "enum": [
                                      "web",
                                      "ios",
                                      "android",
                                      "desktop",
                                      "server",
                                      "unknown"
                                    ],
                                    "x-parser-schema-id": "<anonymous-schema-35>"
                                  },
                                  "status": {
                                    "type": "string",
                                    "enum": [
                                      "active",
                                      "away"
                                    ],
                                    "x-parser-schema-id": "<anonymous-schema-36>"
                                  },
                                  "since": {
                                    "type": "integer",
                                    "description": "epoch milliseconds (server time)",
                                    "x-parser-schema-id": "<anonymous-schema-37>"
                                  }
                                },
                                "required": [
                                  "kind",
                                  "status",
                                  "since"
                                ],
                                "additionalProperties": false,
                                "x-parser-schema-id": "<anonymous-schema-34>"
                              },
                              "x-parser-schema-id": "<anonymous-schema-33>"
                            }
                          },
                          "required": [
                            "userId",
                            "status",
                            "lastSeenAt",
                            "activity",
                            "devices"
                          ],
                          "additionalProperties": false,
                          "x-parser-schema-id": "UserPresence"
                        },
                        "x-parser-schema-id": "<anonymous-schema-26>"
                      },
                      "denied": {
                        "readOnly": true,
                        "type": "array",
                        "items": {
                          "type": "object",
                          "properties": {
                            "userId": {
                              "type": "string",
                              "x-parser-schema-id": "<anonymous-schema-40>"
                            },
                            "code": {
                              "type": "string",
                              "enum": [
                                "forbidden",
                                "not_found"
                              ],
                              "x-parser-schema-id": "<anonymous-schema-41>"
                            }
                          },
                          "required": [
                            "userId",
                            "code"
                          ],
                          "additionalProperties": false,
                          "x-parser-schema-id": "<anonymous-schema-39>"
                        },
                        "x-parser-schema-id": "<anonymous-schema-38>"
                      },
                      "at": {
                        "type": "integer",
                        "description": "epoch milliseconds (server time)",
                        "x-parser-schema-id": "<anonymous-schema-42>"
                      }
                    },
                    "required": [
                      "presences",
                      "denied",
                      "at"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "presence.watch.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-24>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-44>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-43>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-23>"
          },
          "x-parser-unique-object-id": "presence.watch.ack"
        },
        "presence.unwatch": {
          "name": "presence:unwatch",
          "title": "presence:unwatch",
          "summary": "`presence:unwatch`",
          "payload": {
            "type": "object",
            "properties": {
              "userIds": {
                "minItems": 1,
                "maxItems": 100,
                "type": "array",
                "items": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 128,
                  "pattern": "^[A-Za-z0-9_.:|@-]+$",
                  "x-parser-schema-id": "<anonymous-schema-46>"
                },
                "x-parser-schema-id": "<anonymous-schema-45>"
              }
            },
            "required": [
              "userIds"
            ],
            "x-parser-schema-id": "presence.unwatch.payload"
          },
          "x-parser-unique-object-id": "presence.unwatch"
        },
        "presence.unwatch.ack": {
          "name": "presence:unwatch",
          "title": "presence:unwatch ack",
          "summary": "`presence:unwatch` result.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-49>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "unwatched": {
                        "readOnly": true,
                        "type": "array",
                        "items": {
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-51>"
                        },
                        "x-parser-schema-id": "<anonymous-schema-50>"
                      }
                    },
                    "required": [
                      "unwatched"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "presence.unwatch.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-48>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-53>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-52>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-47>"
          },
          "x-parser-unique-object-id": "presence.unwatch.ack"
        },
        "presence.set": {
          "name": "presence:set",
          "title": "presence:set",
          "summary": "`presence:set`: this device's status and an optional short activity (\"listening to rain\").",
          "payload": {
            "type": "object",
            "properties": {
              "status": {
                "type": "string",
                "enum": [
                  "active",
                  "away"
                ],
                "x-parser-schema-id": "<anonymous-schema-54>"
              },
              "activity": {
                "type": [
                  "string",
                  "null"
                ],
                "x-parser-schema-id": "<anonymous-schema-55>"
              }
            },
            "required": [
              "status"
            ],
            "x-parser-schema-id": "presence.set.payload"
          },
          "x-parser-unique-object-id": "presence.set"
        },
        "presence.set.ack": {
          "name": "presence:set",
          "title": "presence:set ack",
          "summary": "`presence:set` result: the user's aggregate status after the change.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-58>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "status": {
                        "type": "string",
                        "enum": [
                          "online",
                          "away",
                          "offline"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-59>"
                      }
                    },
                    "required": [
                      "status"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "presence.set.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-57>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-61>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-60>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-56>"
          },
          "x-parser-unique-object-id": "presence.set.ack"
        },
        "friend.request": {
          "name": "friend:request",
          "title": "friend:request",
          "summary": "The target of every friend command.",
          "payload": {
            "type": "object",
            "properties": {
              "userId": {
                "type": "string",
                "minLength": 1,
                "maxLength": 128,
                "pattern": "^[A-Za-z0-9_.:|@-]+$",
                "x-parser-schema-id": "<anonymous-schema-62>"
              }
            },
            "required": [
              "userId"
            ],
            "x-parser-schema-id": "friend.request.payload"
          },
          "x-parser-unique-object-id": "friend.request"
        },
        "friend.request.ack": {
          "name": "friend:request",
          "title": "friend:request ack",
          "summary": "The result of every friend command: the caller's new state with that user.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-65>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "userId": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-66>"
                      },
                      "state": {
                        "type": "string",
                        "enum": [
                          "none",
                          "outgoing",
                          "incoming",
                          "friends",
                          "blocked"
                        ],
                        "x-parser-schema-id": "FriendshipState"
                      }
                    },
                    "required": [
                      "userId",
                      "state"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "friend.request.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-64>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-68>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-67>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-63>"
          },
          "x-parser-unique-object-id": "friend.request.ack"
        },
        "friend.accept": {
          "name": "friend:accept",
          "title": "friend:accept",
          "summary": "The target of every friend command.",
          "payload": "$ref:$.channels.connection.messages.friend.request.payload",
          "x-parser-unique-object-id": "friend.accept"
        },
        "friend.accept.ack": {
          "name": "friend:accept",
          "title": "friend:accept ack",
          "summary": "The result of every friend command: the caller's new state with that user.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-71>"
                  },
                  "data": "$ref:$.channels.connection.messages.friend.request.ack.payload.oneOf[0].properties.data"
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-70>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-73>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-72>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-69>"
          },
          "x-parser-unique-object-id": "friend.accept.ack"
        },
        "friend.decline": {
          "name": "friend:decline",
          "title": "friend:decline",
          "summary": "The target of every friend command.",
          "payload": "$ref:$.channels.connection.messages.friend.request.payload",
          "x-parser-unique-object-id": "friend.decline"
        },
        "friend.decline.ack": {
          "name": "friend:decline",
          "title": "friend:decline ack",
          "summary": "The result of every friend command: the caller's new state with that user.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-76>"
                  },
                  "data": "$ref:$.channels.connection.messages.friend.request.ack.payload.oneOf[0].properties.data"
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-75>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-78>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-77>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-74>"
          },
          "x-parser-unique-object-id": "friend.decline.ack"
        },
        "friend.remove": {
          "name": "friend:remove",
          "title": "friend:remove",
          "summary": "The target of every friend command.",
          "payload": "$ref:$.channels.connection.messages.friend.request.payload",
          "x-parser-unique-object-id": "friend.remove"
        },
        "friend.remove.ack": {
          "name": "friend:remove",
          "title": "friend:remove ack",
          "summary": "The result of every friend command: the caller's new state with that user.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-81>"
                  },
                  "data": "$ref:$.channels.connection.messages.friend.request.ack.payload.oneOf[0].properties.data"
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-80>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-83>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-82>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-79>"
          },
          "x-parser-unique-object-id": "friend.remove.ack"
        },
        "friend.block": {
          "name": "friend:block",
          "title": "friend:block",
          "summary": "The target of every friend command.",
          "payload": "$ref:$.channels.connection.messages.friend.request.payload",
          "x-parser-unique-object-id": "friend.block"
        },
        "friend.block.ack": {
          "name": "friend:block",
          "title": "friend:block ack",
          "summary": "The result of every friend command: the caller's new state with that user.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-86>"
                  },
                  "data": "$ref:$.channels.connection.messages.friend.request.ack.payload.oneOf[0].properties.data"
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-85>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-88>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-87>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-84>"
          },
          "x-parser-unique-object-id": "friend.block.ack"
        },
        "friend.unblock": {
          "name": "friend:unblock",
          "title": "friend:unblock",
          "summary": "The target of every friend command.",
          "payload": "$ref:$.channels.connection.messages.friend.request.payload",
          "x-parser-unique-object-id": "friend.unblock"
        },
        "friend.unblock.ack": {
          "name": "friend:unblock",
          "title": "friend:unblock ack",
          "summary": "The result of every friend command: the caller's new state with that user.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-91>"
                  },
                  "data": "$ref:$.channels.connection.messages.friend.request.ack.payload.oneOf[0].properties.data"
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-90>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-93>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-92>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-89>"
          },
          "x-parser-unique-object-id": "friend.unblock.ack"
        },
        "friends.list": {
          "name": "friends:list",
          "title": "friends:list",
          "summary": "Takes no arguments: send `{}`.",
          "payload": {
            "type": "object",
            "properties": {},
            "x-parser-schema-id": "friends.list.payload"
          },
          "x-parser-unique-object-id": "friends.list"
        },
        "friends.list.ack": {
          "name": "friends:list",
          "title": "friends:list ack",
          "summary": "`friends:list` result.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-96>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "friends": {
                        "readOnly": true,
                        "type": "array",
                        "items": {
                          "type": "object",
                          "properties": {
                            "profile": {
                              "type": "object",
                              "properties": {
                                "userId": {
                                  "type": "string",
                                  "x-parser-schema-id": "<anonymous-schema-99>"
                                },
                                "username": {
                                  "type": [
                                    "string",
                                    "null"
                                  ],
                                  "x-parser-schema-id": "<anonymous-schema-100>"
                                },
                                "displayName": {
                                  "type": "string",
                                  "x-parser-schema-id": "<anonymous-schema-101>"
                                },
                                "avatarUrl": {
                                  "type": [
                                    "string",
                                    "null"
                                  ],
                                  "x-parser-schema-id": "<anonymous-schema-102>"
                                },
                                "bio": {
                                  "type": "string",
                                  "x-parser-schema-id": "<anonymous-schema-103>"
                                }
                              },
                              "required": [
                                "userId",
                                "username",
                                "displayName",
                                "avatarUrl",
                                "bio"
                              ],
                              "additionalProperties": false,
                              "x-parser-schema-id": "Profile"
                            },
                            "state": "$ref:$.channels.connection.messages.friend.request.ack.payload.oneOf[0].properties.data.properties.state",
                            "since": {
                              "type": "integer",
                              "description": "epoch milliseconds (server time)",
                              "x-parser-schema-id": "<anonymous-schema-104>"
                            }
                          },
                          "required": [
                            "profile",
                            "state",
                            "since"
                          ],
                          "additionalProperties": false,
                          "x-parser-schema-id": "<anonymous-schema-98>"
                        },
                        "x-parser-schema-id": "<anonymous-schema-97>"
                      },
                      "incoming": {
                        "readOnly": true,
                        "type": "array",
                        "items": {
                          "type": "object",
                          "properties": {
                            "profile": "$ref:$.channels.connection.messages.friends.list.ack.payload.oneOf[0].properties.data.properties.friends.items.properties.profile",
                            "state": "$ref:$.channels.connection.messages.friend.request.ack.payload.oneOf[0].properties.data.properties.state",
                            "since": {
                              "type": "integer",
                              "description": "epoch milliseconds (server time)",
                              "x-parser-schema-id": "<anonymous-schema-107>"
                            }
                          },
                          "required": [
                            "profile",
                            "state",
                            "since"
                          ],
                          "additionalProperties": false,
                          "x-parser-schema-id": "<anonymous-schema-106>"
                        },
                        "x-parser-schema-id": "<anonymous-schema-105>"
                      },
                      "outgoing": {
                        "readOnly": true,
                        "type": "array",
                        "items": {
                          "type": "object",
                          "properties": {
                            "profile": "$ref:$.channels.connection.messages.friends.list.ack.payload.oneOf[0].properties.data.properties.friends.items.properties.profile",
                            "state": "$ref:$.channels.connection.messages.friend.request.ack.payload.oneOf[0].properties.data.properties.state",
                            "since": {
                              "type": "integer",
                              "description": "epoch milliseconds (server time)",
                              "x-parser-schema-id": "<anonymous-schema-110>"
                            }
                          },
                          "required": [
                            "profile",
                            "state",
                            "since"
                          ],
                          "additionalProperties": false,
                          "x-parser-schema-id": "<anonymous-schema-109>"
                        },
                        "x-parser-schema-id": "<anonymous-schema-108>"
                      },
                      "blocked": {
                        "readOnly": true,
                        "type": "array",
                        "items": {
                          "type": "object",
                          "properties": {
                            "profile": "$ref:$.channels.connection.messages.friends.list.ack.payload.oneOf[0].properties.data.properties.friends.items.properties.profile",
                            "state": "$ref:$.channels.connection.messages.friend.request.ack.payload.oneOf[0].properties.data.properties.state",
                            "since": {
                              "type": "integer",
                              "description": "epoch milliseconds (server time)",
                              "x-parser-schema-id": "<anonymous-schema-113>"
                            }
                          },
                          "required": [
                            "profile",
                            "state",
                            "since"
                          ],
                          "additionalProperties": false,
                          "x-parser-schema-id": "<anonymous-schema-112>"
                        },
                        "x-parser-schema-id": "<anonymous-schema-111>"
                      }
                    },
                    "required": [
                      "friends",
                      "incoming",
                      "outgoing",
                      "blocked"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "friends.list.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-95>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-115>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-114>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-94>"
          },
          "x-parser-unique-object-id": "friends.list.ack"
        },
        "profile.get": {
          "name": "profile:get",
          "title": "profile:get",
          "summary": "`profile:get`",
          "payload": {
            "type": "object",
            "properties": {
              "userId": {
                "type": "string",
                "minLength": 1,
                "maxLength": 128,
                "pattern": "^[A-Za-z0-9_.:|@-]+$",
                "x-parser-schema-id": "<anonymous-schema-116>"
              }
            },
            "required": [
              "userId"
            ],
            "x-parser-schema-id": "profile.get.payload"
          },
          "x-parser-unique-object-id": "profile.get"
        },
        "profile.get.ack": {
          "name": "profile:get",
          "title": "profile:get ack",
          "summary": "A user's public profile.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-119>"
                  },
                  "data": "$ref:$.channels.connection.messages.friends.list.ack.payload.oneOf[0].properties.data.properties.friends.items.properties.profile"
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-118>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-121>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-120>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-117>"
          },
          "x-parser-unique-object-id": "profile.get.ack"
        },
        "profile.update": {
          "name": "profile:update",
          "title": "profile:update",
          "summary": "`profile:update`: some of the editable fields, at least one.",
          "payload": {
            "type": "object",
            "properties": {
              "displayName": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-122>"
              },
              "avatarUrl": {
                "anyOf": [
                  {
                    "type": "string",
                    "maxLength": 2048,
                    "x-parser-schema-id": "<anonymous-schema-124>"
                  },
                  {
                    "type": "null",
                    "x-parser-schema-id": "<anonymous-schema-125>"
                  }
                ],
                "x-parser-schema-id": "<anonymous-schema-123>"
              },
              "bio": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-126>"
              }
            },
            "x-parser-schema-id": "profile.update.payload"
          },
          "x-parser-unique-object-id": "profile.update"
        },
        "profile.update.ack": {
          "name": "profile:update",
          "title": "profile:update ack",
          "summary": "A user's public profile.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-129>"
                  },
                  "data": "$ref:$.channels.connection.messages.friends.list.ack.payload.oneOf[0].properties.data.properties.friends.items.properties.profile"
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-128>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-131>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-130>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-127>"
          },
          "x-parser-unique-object-id": "profile.update.ack"
        },
        "user.lookup": {
          "name": "user:lookup",
          "title": "user:lookup",
          "summary": "`user:lookup`: find a user by login name, to befriend them.",
          "payload": {
            "type": "object",
            "properties": {
              "username": {
                "type": "string",
                "minLength": 3,
                "maxLength": 32,
                "pattern": "^[a-z0-9_.]+$",
                "x-parser-schema-id": "<anonymous-schema-132>"
              }
            },
            "required": [
              "username"
            ],
            "x-parser-schema-id": "user.lookup.payload"
          },
          "x-parser-unique-object-id": "user.lookup"
        },
        "user.lookup.ack": {
          "name": "user:lookup",
          "title": "user:lookup ack",
          "summary": "A user's public profile.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-135>"
                  },
                  "data": "$ref:$.channels.connection.messages.friends.list.ack.payload.oneOf[0].properties.data.properties.friends.items.properties.profile"
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-134>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-137>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-136>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-133>"
          },
          "x-parser-unique-object-id": "user.lookup.ack"
        },
        "privacy.get": {
          "name": "privacy:get",
          "title": "privacy:get",
          "summary": "Takes no arguments: send `{}`.",
          "payload": "$ref:$.channels.connection.messages.friends.list.payload",
          "x-parser-unique-object-id": "privacy.get"
        },
        "privacy.get.ack": {
          "name": "privacy:get",
          "title": "privacy:get ack",
          "summary": "A user's privacy settings. The server enforces them at every fan-out.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-140>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "shareMoodsWith": {
                        "type": "string",
                        "enum": [
                          "public",
                          "friends",
                          "none"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-141>"
                      },
                      "allowFriendRequests": {
                        "type": "boolean",
                        "x-parser-schema-id": "<anonymous-schema-142>"
                      },
                      "showOnlineStatus": {
                        "type": "string",
                        "enum": [
                          "public",
                          "friends",
                          "none"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-143>"
                      },
                      "allowHugsFrom": {
                        "type": "string",
                        "enum": [
                          "anyone",
                          "friends",
                          "none"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-144>"
                      }
                    },
                    "required": [
                      "shareMoodsWith",
                      "allowFriendRequests",
                      "showOnlineStatus",
                      "allowHugsFrom"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "PrivacySettings"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-139>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-146>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-145>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-138>"
          },
          "x-parser-unique-object-id": "privacy.get.ack"
        },
        "privacy.update": {
          "name": "privacy:update",
          "title": "privacy:update",
          "summary": "`privacy:update`: some of the settings, at least one.",
          "payload": {
            "type": "object",
            "properties": {
              "shareMoodsWith": {
                "type": "string",
                "enum": [
                  "public",
                  "friends",
                  "none"
                ],
                "x-parser-schema-id": "<anonymous-schema-147>"
              },
              "allowFriendRequests": {
                "type": "boolean",
                "x-parser-schema-id": "<anonymous-schema-148>"
              },
              "showOnlineStatus": {
                "type": "string",
                "enum": [
                  "public",
                  "friends",
                  "none"
                ],
                "x-parser-schema-id": "<anonymous-schema-149>"
              },
              "allowHugsFrom": {
                "type": "string",
                "enum": [
                  "anyone",
                  "friends",
                  "none"
                ],
                "x-parser-schema-id": "<anonymous-schema-150>"
              }
            },
            "x-parser-schema-id": "privacy.update.payload"
          },
          "x-parser-unique-object-id": "privacy.update"
        },
        "privacy.update.ack": {
          "name": "privacy:update",
          "title": "privacy:update ack",
          "summary": "A user's privacy settings. The server enforces them at every fan-out.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-153>"
                  },
                  "data": "$ref:$.channels.connection.messages.privacy.get.ack.payload.oneOf[0].properties.data"
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-152>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-155>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-154>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-151>"
          },
          "x-parser-unique-object-id": "privacy.update.ack"
        },
        "hug.send": {
          "name": "hug:send",
          "title": "hug:send",
          "summary": "`hug:send`: send one hug. Retrying with the same `clientId` never sends it twice.",
          "payload": {
            "type": "object",
            "properties": {
              "to": {
                "type": "string",
                "minLength": 1,
                "maxLength": 128,
                "pattern": "^[A-Za-z0-9_.:|@-]+$",
                "x-parser-schema-id": "<anonymous-schema-156>"
              },
              "kind": {
                "type": "string",
                "enum": [
                  "warm",
                  "bear",
                  "side",
                  "squeeze",
                  "healing"
                ],
                "x-parser-schema-id": "<anonymous-schema-157>"
              },
              "message": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-158>"
              },
              "clientId": {
                "type": "string",
                "minLength": 8,
                "maxLength": 64,
                "pattern": "^[A-Za-z0-9_.:-]+$",
                "x-parser-schema-id": "<anonymous-schema-159>"
              },
              "context": {
                "type": "object",
                "properties": {
                  "activityId": {
                    "type": "string",
                    "minLength": 8,
                    "maxLength": 64,
                    "pattern": "^[A-Za-z0-9_-]+$",
                    "x-parser-schema-id": "<anonymous-schema-161>"
                  }
                },
                "required": [
                  "activityId"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-160>"
              }
            },
            "required": [
              "to",
              "kind",
              "clientId"
            ],
            "x-parser-schema-id": "hug.send.payload"
          },
          "x-parser-unique-object-id": "hug.send"
        },
        "hug.send.ack": {
          "name": "hug:send",
          "title": "hug:send ack",
          "summary": "`hug:send` result. `delivered` means \"pushed to an online device\": a device of the recipient was connected when the hug was sent, so it was pushed live. It is not a receipt: a device that had stopped reading may never get the push (the server then cuts it, and its inbox sync brings the hug after it reconnects). That a device actually received the hug arrives later, as `hug:delivered`. A replay answers with the first result; after a server restart, with whether a device of the recipient has acknowledged the hug.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-164>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "hugId": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-165>"
                      },
                      "delivered": {
                        "type": "boolean",
                        "description": "pushed to an online device of the recipient; not a receipt",
                        "x-parser-schema-id": "<anonymous-schema-166>"
                      }
                    },
                    "required": [
                      "hugId",
                      "delivered"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "hug.send.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-163>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-168>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-167>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-162>"
          },
          "x-parser-unique-object-id": "hug.send.ack"
        },
        "hug.ack": {
          "name": "hug:ack",
          "title": "hug:ack",
          "summary": "`hug:ack`: the recipient's device confirms it received these hugs (the sender learns `delivered`).",
          "payload": {
            "type": "object",
            "properties": {
              "hugIds": {
                "minItems": 1,
                "maxItems": 100,
                "type": "array",
                "items": {
                  "type": "string",
                  "minLength": 8,
                  "maxLength": 64,
                  "pattern": "^[A-Za-z0-9_-]+$",
                  "x-parser-schema-id": "<anonymous-schema-170>"
                },
                "x-parser-schema-id": "<anonymous-schema-169>"
              }
            },
            "required": [
              "hugIds"
            ],
            "x-parser-schema-id": "hug.ack.payload"
          },
          "x-parser-unique-object-id": "hug.ack"
        },
        "hug.ack.ack": {
          "name": "hug:ack",
          "title": "hug:ack ack",
          "summary": "`hug:ack` result: the hugs whose delivery was recorded (unknown or foreign ids are left out).",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-173>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "acknowledged": {
                        "readOnly": true,
                        "type": "array",
                        "items": {
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-175>"
                        },
                        "x-parser-schema-id": "<anonymous-schema-174>"
                      }
                    },
                    "required": [
                      "acknowledged"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "hug.ack.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-172>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-177>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-176>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-171>"
          },
          "x-parser-unique-object-id": "hug.ack.ack"
        },
        "hug.read": {
          "name": "hug:read",
          "title": "hug:read",
          "summary": "`hug:read`: the recipient marks a hug read (the sender gets a read receipt).",
          "payload": {
            "type": "object",
            "properties": {
              "hugId": {
                "type": "string",
                "minLength": 8,
                "maxLength": 64,
                "pattern": "^[A-Za-z0-9_-]+$",
                "x-parser-schema-id": "<anonymous-schema-178>"
              }
            },
            "required": [
              "hugId"
            ],
            "x-parser-schema-id": "hug.read.payload"
          },
          "x-parser-unique-object-id": "hug.read"
        },
        "hug.read.ack": {
          "name": "hug:read",
          "title": "hug:read ack",
          "summary": "`hug:read` result.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-181>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "hugId": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-182>"
                      },
                      "readAt": {
                        "type": "integer",
                        "description": "epoch milliseconds (server time)",
                        "x-parser-schema-id": "<anonymous-schema-183>"
                      }
                    },
                    "required": [
                      "hugId",
                      "readAt"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "hug.read.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-180>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-185>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-184>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-179>"
          },
          "x-parser-unique-object-id": "hug.read.ack"
        },
        "hug.request": {
          "name": "hug:request",
          "title": "hug:request",
          "summary": "`hug:request`: ask someone for a hug.",
          "payload": {
            "type": "object",
            "properties": {
              "to": {
                "type": "string",
                "minLength": 1,
                "maxLength": 128,
                "pattern": "^[A-Za-z0-9_.:|@-]+$",
                "x-parser-schema-id": "<anonymous-schema-186>"
              },
              "message": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-187>"
              },
              "clientId": {
                "type": "string",
                "minLength": 8,
                "maxLength": 64,
                "pattern": "^[A-Za-z0-9_.:-]+$",
                "x-parser-schema-id": "<anonymous-schema-188>"
              }
            },
            "required": [
              "to",
              "clientId"
            ],
            "x-parser-schema-id": "hug.request.payload"
          },
          "x-parser-unique-object-id": "hug.request"
        },
        "hug.request.ack": {
          "name": "hug:request",
          "title": "hug:request ack",
          "summary": "`hug:request` result.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-191>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "requestId": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-192>"
                      },
                      "expiresAt": {
                        "type": "integer",
                        "description": "epoch milliseconds (server time)",
                        "x-parser-schema-id": "<anonymous-schema-193>"
                      }
                    },
                    "required": [
                      "requestId",
                      "expiresAt"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "hug.request.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-190>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-195>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-194>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-189>"
          },
          "x-parser-unique-object-id": "hug.request.ack"
        },
        "hug.request.answer": {
          "name": "hug:request:answer",
          "title": "hug:request:answer",
          "summary": "`hug:request:answer`: accept (a hug goes back, of `kind`, default `warm`) or decline a request made to you.",
          "payload": {
            "type": "object",
            "properties": {
              "requestId": {
                "type": "string",
                "minLength": 8,
                "maxLength": 64,
                "pattern": "^[A-Za-z0-9_-]+$",
                "x-parser-schema-id": "<anonymous-schema-196>"
              },
              "accept": {
                "type": "boolean",
                "x-parser-schema-id": "<anonymous-schema-197>"
              },
              "kind": {
                "type": "string",
                "enum": [
                  "warm",
                  "bear",
                  "side",
                  "squeeze",
                  "healing"
                ],
                "x-parser-schema-id": "<anonymous-schema-198>"
              },
              "message": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-199>"
              }
            },
            "required": [
              "requestId",
              "accept"
            ],
            "x-parser-schema-id": "hug.request.answer.payload"
          },
          "x-parser-unique-object-id": "hug.request.answer"
        },
        "hug.request.answer.ack": {
          "name": "hug:request:answer",
          "title": "hug:request:answer ack",
          "summary": "`hug:request:answer` result.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-202>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "requestId": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-203>"
                      },
                      "status": {
                        "type": "string",
                        "enum": [
                          "accepted",
                          "declined"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-204>"
                      },
                      "hugId": {
                        "type": [
                          "string",
                          "null"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-205>"
                      }
                    },
                    "required": [
                      "requestId",
                      "status",
                      "hugId"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "hug.request.answer.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-201>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-207>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-206>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-200>"
          },
          "x-parser-unique-object-id": "hug.request.answer.ack"
        },
        "hug.history": {
          "name": "hug:history",
          "title": "hug:history",
          "summary": "`hug:history`: the caller's hugs, newest first, one page at a time.",
          "payload": {
            "type": "object",
            "properties": {
              "direction": {
                "type": "string",
                "enum": [
                  "sent",
                  "received"
                ],
                "x-parser-schema-id": "<anonymous-schema-208>"
              },
              "before": {
                "type": "string",
                "maxLength": 128,
                "x-parser-schema-id": "<anonymous-schema-209>"
              },
              "limit": {
                "default": 50,
                "type": "integer",
                "minimum": 1,
                "maximum": 200,
                "x-parser-schema-id": "<anonymous-schema-210>"
              }
            },
            "required": [
              "direction"
            ],
            "x-parser-schema-id": "hug.history.payload"
          },
          "x-parser-unique-object-id": "hug.history"
        },
        "hug.history.ack": {
          "name": "hug:history",
          "title": "hug:history ack",
          "summary": "`hug:history` result, newest first.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-213>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "hugs": {
                        "readOnly": true,
                        "type": "array",
                        "items": {
                          "type": "object",
                          "properties": {
                            "id": {
                              "type": "string",
                              "x-parser-schema-id": "<anonymous-schema-215>"
                            },
                            "from": {
                              "type": "string",
                              "x-parser-schema-id": "<anonymous-schema-216>"
                            },
                            "to": {
                              "type": "string",
                              "x-parser-schema-id": "<anonymous-schema-217>"
                            },
                            "kind": {
                              "type": "string",
                              "enum": [
                                "warm",
                                "bear",
                                "side",
                                "squeeze",
                                "healing"
                              ],
                              "x-parser-schema-id": "<anonymous-schema-218>"
                            },
                            "animation": {
                              "type": "object",
                              "properties": {
                                "durationMs": {
                                  "type": "integer",
                                  "x-parser-schema-id": "<anonymous-schema-220>"
                                },
                                "curve": {
                                  "readOnly": true,
                                  "description": "[t, intensity] points, t and intensity in 0..1",
                                  "type": "array",
                                  "items": {
                                    "readOnly": true,
                                    "type": "array",
                                    "items": [
                                      {
                                        "type": "number",
                                        "x-parser-schema-id": "<anonymous-schema-223>"
                                      },
                                      {
                                        "type": "number",
                                        "x-parser-schema-id": "<anonymous-schema-224>"
                                      }
                                    ],
                                    "additionalItems": false,
                                    "minItems": 2,
                                    "maxItems": 2,
                                    "x-parser-schema-id": "<anonymous-schema-222>"
                                  },
                                  "x-parser-schema-id": "<anonymous-schema-221>"
                                }
                              },
                              "required": [
                                "durationMs",
                                "curve"
                              ],
                              "additionalProperties": false,
                              "x-parser-schema-id": "<anonymous-schema-219>"
                            },
                            "message": {
                              "type": [
                                "string",
                                "null"
                              ],
                              "x-parser-schema-id": "<anonymous-schema-225>"
                            },
                            "sentAt": {
                              "type": "integer",
                              "description": "epoch milliseconds (server time)",
                              "x-parser-schema-id": "<anonymous-schema-226>"
                            },
                            "requestId": {
                              "type": [
                                "string",
                                "null"
                              ],
                              "x-parser-schema-id": "<anonymous-schema-227>"
                            },
                            "context": {
                              "anyOf": [
                                {
                                  "type": "object",
                                  "properties": {
                                    "activityId": {
                                      "type": "string",
                                      "x-parser-schema-id": "<anonymous-schema-230>"
                                    },
                                    "type": {
                                      "type": "string",
                                      "enum": [
                                        "mood",
                                        "streak-milestone",
                                        "friendship"
                                      ],
                                      "x-parser-schema-id": "<anonymous-schema-231>"
                                    }
                                  },
                                  "required": [
                                    "activityId",
                                    "type"
                                  ],
                                  "additionalProperties": false,
                                  "x-parser-schema-id": "<anonymous-schema-229>"
                                },
                                {
                                  "type": "null",
                                  "x-parser-schema-id": "<anonymous-schema-232>"
                                }
                              ],
                              "x-parser-schema-id": "<anonymous-schema-228>"
                            },
                            "deliveredAt": {
                              "anyOf": [
                                {
                                  "type": "integer",
                                  "description": "epoch milliseconds (server time)",
                                  "x-parser-schema-id": "<anonymous-schema-234>"
                                },
                                {
                                  "type": "null",
                                  "x-parser-schema-id": "<anonymous-schema-235>"
                                }
                              ],
                              "x-parser-schema-id": "<anonymous-schema-233>"
                            },
                            "readAt": {
                              "anyOf": [
                                {
                                  "type": "integer",
                                  "description": "epoch milliseconds (server time)",
                                  "x-parser-schema-id": "<anonymous-schema-237>"
                                },
                                {
                                  "type": "null",
                                  "x-parser-schema-id": "<anonymous-schema-238>"
                                }
                              ],
                              "x-parser-schema-id": "<anonymous-schema-236>"
                            }
                          },
                          "required": [
                            "id",
                            "from",
                            "to",
                            "kind",
                            "animation",
                            "message",
                            "sentAt",
                            "requestId",
                            "context",
                            "deliveredAt",
                            "readAt"
                          ],
                          "additionalProperties": false,
                          "x-parser-schema-id": "Hug"
                        },
                        "x-parser-schema-id": "<anonymous-schema-214>"
                      },
                      "next": {
                        "type": [
                          "string",
                          "null"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-239>"
                      }
                    },
                    "required": [
                      "hugs",
                      "next"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "hug.history.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-212>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-241>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-240>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-211>"
          },
          "x-parser-unique-object-id": "hug.history.ack"
        },
        "hug.unread": {
          "name": "hug:unread",
          "title": "hug:unread",
          "summary": "`hug:unread`: the hugs you received and have not read, newest first.",
          "payload": {
            "type": "object",
            "properties": {
              "limit": {
                "default": 50,
                "type": "integer",
                "minimum": 1,
                "maximum": 200,
                "x-parser-schema-id": "<anonymous-schema-242>"
              }
            },
            "x-parser-schema-id": "hug.unread.payload"
          },
          "x-parser-unique-object-id": "hug.unread"
        },
        "hug.unread.ack": {
          "name": "hug:unread",
          "title": "hug:unread ack",
          "summary": "`hug:unread` result: the hugs you received and have not read, newest first.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-245>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "hugs": {
                        "readOnly": true,
                        "type": "array",
                        "items": "$ref:$.channels.connection.messages.hug.history.ack.payload.oneOf[0].properties.data.properties.hugs.items",
                        "x-parser-schema-id": "<anonymous-schema-246>"
                      },
                      "more": {
                        "type": "boolean",
                        "x-parser-schema-id": "<anonymous-schema-247>"
                      }
                    },
                    "required": [
                      "hugs",
                      "more"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "hug.unread.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-244>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-249>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-248>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-243>"
          },
          "x-parser-unique-object-id": "hug.unread.ack"
        },
        "hug.request.pending": {
          "name": "hug:request:pending",
          "title": "hug:request:pending",
          "summary": "Takes no arguments: send `{}`.",
          "payload": "$ref:$.channels.connection.messages.friends.list.payload",
          "x-parser-unique-object-id": "hug.request.pending"
        },
        "hug.request.pending.ack": {
          "name": "hug:request:pending",
          "title": "hug:request:pending ack",
          "summary": "`hug:request:pending` result: the requests made to you still waiting for your answer, newest first (at most 100).",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-252>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "requests": {
                        "readOnly": true,
                        "type": "array",
                        "items": {
                          "type": "object",
                          "properties": {
                            "id": {
                              "type": "string",
                              "x-parser-schema-id": "<anonymous-schema-254>"
                            },
                            "from": {
                              "type": "string",
                              "x-parser-schema-id": "<anonymous-schema-255>"
                            },
                            "to": {
                              "type": "string",
                              "x-parser-schema-id": "<anonymous-schema-256>"
                            },
                            "message": {
                              "type": [
                                "string",
                                "null"
                              ],
                              "x-parser-schema-id": "<anonymous-schema-257>"
                            },
                            "createdAt": {
                              "type": "integer",
                              "description": "epoch milliseconds (server time)",
                              "x-parser-schema-id": "<anonymous-schema-258>"
                            },
                            "expiresAt": {
                              "type": "integer",
                              "description": "epoch milliseconds (server time)",
                              "x-parser-schema-id": "<anonymous-schema-259>"
                            },
                            "status": {
                              "type": "string",
                              "enum": [
                                "pending",
                                "accepted",
                                "declined",
                                "expired"
                              ],
                              "x-parser-schema-id": "<anonymous-schema-260>"
                            },
                            "hugId": {
                              "type": [
                                "string",
                                "null"
                              ],
                              "x-parser-schema-id": "<anonymous-schema-261>"
                            }
                          },
                          "required": [
                            "id",
                            "from",
                            "to",
                            "message",
                            "createdAt",
                            "expiresAt",
                            "status",
                            "hugId"
                          ],
                          "additionalProperties": false,
                          "x-parser-schema-id": "HugRequest"
                        },
                        "x-parser-schema-id": "<anonymous-schema-253>"
                      }
                    },
                    "required": [
                      "requests"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "hug.request.pending.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-251>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-263>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-262>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-250>"
          },
          "x-parser-unique-object-id": "hug.request.pending.ack"
        },
        "inbox.sync": {
          "name": "inbox:sync",
          "title": "inbox:sync",
          "summary": "`inbox:sync`: every inbox entry after `after` (0 for all), oldest first, one page at a time.",
          "payload": {
            "type": "object",
            "properties": {
              "after": {
                "type": "integer",
                "minimum": 0,
                "x-parser-schema-id": "<anonymous-schema-264>"
              },
              "limit": {
                "default": 100,
                "type": "integer",
                "minimum": 1,
                "maximum": 200,
                "x-parser-schema-id": "<anonymous-schema-265>"
              }
            },
            "required": [
              "after"
            ],
            "x-parser-schema-id": "inbox.sync.payload"
          },
          "x-parser-unique-object-id": "inbox.sync"
        },
        "inbox.sync.ack": {
          "name": "inbox:sync",
          "title": "inbox:sync ack",
          "summary": "`inbox:sync` result.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-268>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "entries": {
                        "readOnly": true,
                        "type": "array",
                        "items": {
                          "oneOf": [
                            {
                              "type": "object",
                              "properties": {
                                "cursor": {
                                  "type": "integer",
                                  "description": "position in the inbox: sync after the last one you saw",
                                  "x-parser-schema-id": "<anonymous-schema-271>"
                                },
                                "id": {
                                  "type": "string",
                                  "x-parser-schema-id": "<anonymous-schema-272>"
                                },
                                "createdAt": {
                                  "type": "integer",
                                  "description": "epoch milliseconds (server time)",
                                  "x-parser-schema-id": "<anonymous-schema-273>"
                                },
                                "type": {
                                  "type": "string",
                                  "const": "hug",
                                  "x-parser-schema-id": "<anonymous-schema-274>"
                                },
                                "hug": "$ref:$.channels.connection.messages.hug.history.ack.payload.oneOf[0].properties.data.properties.hugs.items"
                              },
                              "required": [
                                "cursor",
                                "id",
                                "createdAt",
                                "type",
                                "hug"
                              ],
                              "additionalProperties": false,
                              "x-parser-schema-id": "<anonymous-schema-270>"
                            },
                            {
                              "type": "object",
                              "properties": {
                                "cursor": {
                                  "type": "integer",
                                  "description": "position in the inbox: sync after the last one you saw",
                                  "x-parser-schema-id": "<anonymous-schema-276>"
                                },
                                "id": {
                                  "type": "string",
                                  "x-parser-schema-id": "<anonymous-schema-277>"
                                },
                                "createdAt": {
                                  "type": "integer",
                                  "description": "epoch milliseconds (server time)",
                                  "x-parser-schema-id": "<anonymous-schema-278>"
                                },
                                "type": {
                                  "type": "string",
                                  "const": "hug-request",
                                  "x-parser-schema-id": "<anonymous-schema-279>"
                                },
                                "request": "$ref:$.channels.connection.messages.hug.request.pending.ack.payload.oneOf[0].properties.data.properties.requests.items"
                              },
                              "required": [
                                "cursor",
                                "id",
                                "createdAt",
                                "type",
                                "request"
                              ],
                              "additionalProperties": false,
                              "x-parser-schema-id": "<anonymous-schema-275>"
                            },
                            {
                              "type": "object",
                              "properties": {
                                "cursor": {
                                  "type": "integer",
                                  "description": "position in the inbox: sync after the last one you saw",
                                  "x-parser-schema-id": "<anonymous-schema-281>"
                                },
                                "id": {
                                  "type": "string",
                                  "x-parser-schema-id": "<anonymous-schema-282>"
                                },
                                "createdAt": {
                                  "type": "integer",
                                  "description": "epoch milliseconds (server time)",
                                  "x-parser-schema-id": "<anonymous-schema-283>"
                                },
                                "type": {
                                  "type": "string",
                                  "const": "hug-request-answer",
                                  "x-parser-schema-id": "<anonymous-schema-284>"
                                },
                                "answer": {
                                  "type": "object",
                                  "properties": {
                                    "requestId": {
                                      "type": "string",
                                      "x-parser-schema-id": "<anonymous-schema-286>"
                                    },
                                    "by": {
                                      "type": "string",
                                      "x-parser-schema-id": "<anonymous-schema-287>"
                                    },
                                    "accepted": {
                                      "type": "boolean",
                                      "x-parser-schema-id": "<anonymous-schema-288>"
                                    },
                                    "hugId": {
                                      "type": [
                                        "string",
                                        "null"
                                      ],
                                      "x-parser-schema-id": "<anonymous-schema-289>"
                                    }
                                  },
                                  "required": [
                                    "requestId",
                                    "by",
                                    "accepted",
                                    "hugId"
                                  ],
                                  "additionalProperties": false,
                                  "x-parser-schema-id": "<anonymous-schema-285>"
                                }
                              },
                              "required": [
                                "cursor",
                                "id",
                                "createdAt",
                                "type",
                                "answer"
                              ],
                              "additionalProperties": false,
                              "x-parser-schema-id": "<anonymous-schema-280>"
                            },
                            {
                              "type": "object",
                              "properties": {
                                "cursor": {
                                  "type": "integer",
                                  "description": "position in the inbox: sync after the last one you saw",
                                  "x-parser-schema-id": "<anonymous-schema-291>"
                                },
                                "id": {
                                  "type": "string",
                                  "x-parser-schema-id": "<anonymous-schema-292>"
                                },
                                "createdAt": {
                                  "type": "integer",
                                  "description": "epoch milliseconds (server time)",
                                  "x-parser-schema-id": "<anonymous-schema-293>"
                                },
                                "type": {
                                  "type": "string",
                                  "const": "read-receipt",
                                  "x-parser-schema-id": "<anonymous-schema-294>"
                                },
                                "receipt": {
                                  "type": "object",
                                  "properties": {
                                    "hugId": {
                                      "type": "string",
                                      "x-parser-schema-id": "<anonymous-schema-296>"
                                    },
                                    "by": {
                                      "type": "string",
                                      "x-parser-schema-id": "<anonymous-schema-297>"
                                    },
                                    "readAt": {
                                      "type": "integer",
                                      "description": "epoch milliseconds (server time)",
                                      "x-parser-schema-id": "<anonymous-schema-298>"
                                    }
                                  },
                                  "required": [
                                    "hugId",
                                    "by",
                                    "readAt"
                                  ],
                                  "additionalProperties": false,
                                  "x-parser-schema-id": "<anonymous-schema-295>"
                                }
                              },
                              "required": [
                                "cursor",
                                "id",
                                "createdAt",
                                "type",
                                "receipt"
                              ],
                              "additionalProperties": false,
                              "x-parser-schema-id": "<anonymous-schema-290>"
                            },
                            {
                              "type": "object",
                              "properties": {
                                "cursor": {
                                  "type": "integer",
                                  "description": "position in the inbox: sync after the last one you saw",
                                  "x-parser-schema-id": "<anonymous-schema-300>"
                                },
                                "id": {
                                  "type": "string",
                                  "x-parser-schema-id": "<anonymous-schema-301>"
                                },
                                "createdAt": {
                                  "type": "integer",
                                  "description": "epoch milliseconds (server time)",
                                  "x-parser-schema-id": "<anonymous-schema-302>"
                                },
                                "type": {
                                  "type": "string",
                                  "const": "group-invite",
                                  "x-parser-schema-id": "<anonymous-schema-303>"
                                },
                                "invite": {
                                  "type": "object",
                                  "properties": {
                                    "groupId": {
                                      "type": "string",
                                      "x-parser-schema-id": "<anonymous-schema-305>"
                                    },
                                    "title": {
                                      "type": "string",
                                      "x-parser-schema-id": "<anonymous-schema-306>"
                                    },
                                    "from": {
                                      "type": "string",
                                      "x-parser-schema-id": "<anonymous-schema-307>"
                                    }
                                  },
                                  "required": [
                                    "groupId",
                                    "title",
                                    "from"
                                  ],
                                  "additionalProperties": false,
                                  "x-parser-schema-id": "<anonymous-schema-304>"
                                }
                              },
                              "required": [
                                "cursor",
                                "id",
                                "createdAt",
                                "type",
                                "invite"
                              ],
                              "additionalProperties": false,
                              "x-parser-schema-id": "<anonymous-schema-299>"
                            },
                            {
                              "type": "object",
                              "properties": {
                                "cursor": {
                                  "type": "integer",
                                  "description": "position in the inbox: sync after the last one you saw",
                                  "x-parser-schema-id": "<anonymous-schema-309>"
                                },
                                "id": {
                                  "type": "string",
                                  "x-parser-schema-id": "<anonymous-schema-310>"
                                },
                                "createdAt": {
                                  "type": "integer",
                                  "description": "epoch milliseconds (server time)",
                                  "x-parser-schema-id": "<anonymous-schema-311>"
                                },
                                "type": {
                                  "type": "string",
                                  "const": "notification",
                                  "x-parser-schema-id": "<anonymous-schema-312>"
                                },
                                "notification": {
                                  "type": "object",
                                  "properties": {
                                    "id": {
                                      "type": "string",
                                      "x-parser-schema-id": "<anonymous-schema-313>"
                                    },
                                    "type": {
                                      "type": "string",
                                      "enum": [
                                        "hug",
                                        "hug-request",
                                        "hug-request-answer",
                                        "friend-request",
                                        "friend-accepted",
                                        "group-invite",
                                        "group-starting",
                                        "streak-milestone",
                                        "friend-mood",
                                        "mood-reminder"
                                      ],
                                      "x-parser-schema-id": "<anonymous-schema-314>"
                                    },
                                    "title": {
                                      "type": "string",
                                      "x-parser-schema-id": "<anonymous-schema-315>"
                                    },
                                    "body": {
                                      "type": "string",
                                      "x-parser-schema-id": "<anonymous-schema-316>"
                                    },
                                    "data": {
                                      "type": "object",
                                      "properties": {
                                        "userId": {
                                          "type": "string",
                                          "x-parser-schema-id": "<anonymous-schema-318>"
                                        },
                                        "hugId": {
                                          "type": "string",
                                          "x-parser-schema-id": "<anonymous-schema-319>"
                                        },
                                        "requestId": {
                                          "type": "string",
                                          "x-parser-schema-id": "<anonymous-schema-320>"
                                        },
                                        "groupId": {
                                          "type": "string",
                                          "x-parser-schema-id": "<anonymous-schema-321>"
                                        },
                                        "moodId": {
                                          "type": "string",
                                          "x-parser-schema-id": "<anonymous-schema-322>"
                                        },
                                        "streak": {
                                          "type": "integer",
                                          "x-parser-schema-id": "<anonymous-schema-323>"
                                        },
                                        "startsAt": {
                                          "type": "integer",
                                          "description": "epoch milliseconds (server time)",
                                          "x-parser-schema-id": "<anonymous-schema-324>"
                                        },
                                        "activityId": {
                                          "type": "string",
                                          "x-parser-schema-id": "<anonymous-schema-325>"
                                        }
                                      },
                                      "additionalProperties": false,
                                      "x-parser-schema-id": "<anonymous-schema-317>"
                                    },
                                    "createdAt": {
                                      "type": "integer",
                                      "description": "epoch milliseconds (server time)",
                                      "x-parser-schema-id": "<anonymous-schema-326>"
                                    },
                                    "readAt": {
                                      "anyOf": [
                                        {
                                          "type": "integer",
                                          "description": "epoch milliseconds (server time)",
                                          "x-parser-schema-id": "<anonymous-schema-328>"
                                        },
                                        {
                                          "type": "null",
                                          "x-parser-schema-id": "<anonymous-schema-329>"
                                        }
                                      ],
                                      "x-parser-schema-id": "<anonymous-schema-327>"
                                    }
                                  },
                                  "required": [
                                    "id",
                                    "type",
                                    "title",
                                    "body",
                                    "data",
                                    "createdAt",
                                    "readAt"
                                  ],
                                  "additionalProperties": false,
                                  "x-parser-schema-id": "Notification"
                                }
                              },
                              "required": [
                                "cursor",
                                "id",
                                "createdAt",
                                "type",
                                "notification"
                              ],
                              "additionalProperties": false,
                              "x-parser-schema-id": "<anonymous-schema-308>"
                            }
                          ],
                          "x-parser-schema-id": "InboxEntry"
                        },
                        "x-parser-schema-id": "<anonymous-schema-269>"
                      },
                      "cursor": {
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-330>"
                      },
                      "hasMore": {
                        "type": "boolean",
                        "x-parser-schema-id": "<anonymous-schema-331>"
                      }
                    },
                    "required": [
                      "entries",
                      "cursor",
                      "hasMore"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "inbox.sync.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-267>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-333>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-332>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-266>"
          },
          "x-parser-unique-object-id": "inbox.sync.ack"
        },
        "group.create": {
          "name": "group:create",
          "title": "group:create",
          "summary": "`group:create`: a new group hug in `gathering`, with the caller as creator and first participant. Retrying with the same `clientId` returns the same group hug.",
          "payload": {
            "type": "object",
            "properties": {
              "title": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-334>"
              },
              "invitees": {
                "default": [],
                "maxItems": 1000,
                "type": "array",
                "items": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 128,
                  "pattern": "^[A-Za-z0-9_.:|@-]+$",
                  "x-parser-schema-id": "<anonymous-schema-336>"
                },
                "x-parser-schema-id": "<anonymous-schema-335>"
              },
              "scheduledAt": {
                "type": "integer",
                "exclusiveMinimum": 0,
                "x-parser-schema-id": "<anonymous-schema-337>"
              },
              "durationMs": {
                "default": 30000,
                "type": "integer",
                "minimum": 3000,
                "maximum": 600000,
                "x-parser-schema-id": "<anonymous-schema-338>"
              },
              "clientId": {
                "type": "string",
                "minLength": 8,
                "maxLength": 64,
                "pattern": "^[A-Za-z0-9_.:-]+$",
                "x-parser-schema-id": "<anonymous-schema-339>"
              }
            },
            "required": [
              "title",
              "clientId"
            ],
            "x-parser-schema-id": "group.create.payload"
          },
          "x-parser-unique-object-id": "group.create"
        },
        "group.create.ack": {
          "name": "group:create",
          "title": "group:create ack",
          "summary": "The new group hug (or the one this `clientId` made before).",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-342>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "id": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-343>"
                      },
                      "title": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-344>"
                      },
                      "creatorId": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-345>"
                      },
                      "phase": {
                        "type": "string",
                        "enum": [
                          "gathering",
                          "countdown",
                          "live",
                          "complete",
                          "cancelled"
                        ],
                        "x-parser-schema-id": "GroupHugPhase"
                      },
                      "version": {
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-346>"
                      },
                      "participants": {
                        "readOnly": true,
                        "type": "array",
                        "items": {
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-348>"
                        },
                        "x-parser-schema-id": "<anonymous-schema-347>"
                      },
                      "participantCount": {
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-349>"
                      },
                      "invited": {
                        "readOnly": true,
                        "type": "array",
                        "items": {
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-351>"
                        },
                        "x-parser-schema-id": "<anonymous-schema-350>"
                      },
                      "declined": {
                        "readOnly": true,
                        "type": "array",
                        "items": {
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-353>"
                        },
                        "x-parser-schema-id": "<anonymous-schema-352>"
                      },
                      "createdAt": {
                        "type": "integer",
                        "description": "epoch milliseconds (server time)",
                        "x-parser-schema-id": "<anonymous-schema-354>"
                      },
                      "scheduledAt": {
                        "anyOf": [
                          {
                            "type": "integer",
                            "description": "epoch milliseconds (server time)",
                            "x-parser-schema-id": "<anonymous-schema-356>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-357>"
                          }
                        ],
                        "x-parser-schema-id": "<anonymous-schema-355>"
                      },
                      "startsAt": {
                        "anyOf": [
                          {
                            "type": "integer",
                            "description": "epoch milliseconds (server time)",
                            "x-parser-schema-id": "<anonymous-schema-359>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-360>"
                          }
                        ],
                        "x-parser-schema-id": "<anonymous-schema-358>"
                      },
                      "durationMs": {
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-361>"
                      },
                      "curve": {
                        "readOnly": true,
                        "description": "[t, intensity] points, t and intensity in 0..1",
                        "type": "array",
                        "items": {
                          "readOnly": true,
                          "type": "array",
                          "items": [
                            {
                              "type": "number",
                              "x-parser-schema-id": "<anonymous-schema-364>"
                            },
                            {
                              "type": "number",
                              "x-parser-schema-id": "<anonymous-schema-365>"
                            }
                          ],
                          "additionalItems": false,
                          "minItems": 2,
                          "maxItems": 2,
                          "x-parser-schema-id": "<anonymous-schema-363>"
                        },
                        "x-parser-schema-id": "<anonymous-schema-362>"
                      },
                      "endedAt": {
                        "anyOf": [
                          {
                            "type": "integer",
                            "description": "epoch milliseconds (server time)",
                            "x-parser-schema-id": "<anonymous-schema-367>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-368>"
                          }
                        ],
                        "x-parser-schema-id": "<anonymous-schema-366>"
                      },
                      "cancelReason": {
                        "anyOf": [
                          {
                            "type": "string",
                            "enum": [
                              "creator",
                              "empty"
                            ],
                            "x-parser-schema-id": "<anonymous-schema-370>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-371>"
                          }
                        ],
                        "x-parser-schema-id": "<anonymous-schema-369>"
                      }
                    },
                    "required": [
                      "id",
                      "title",
                      "creatorId",
                      "phase",
                      "version",
                      "participants",
                      "participantCount",
                      "invited",
                      "declined",
                      "createdAt",
                      "scheduledAt",
                      "startsAt",
                      "durationMs",
                      "curve",
                      "endedAt",
                      "cancelReason"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "GroupHugView"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-341>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-373>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-372>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-340>"
          },
          "x-parser-unique-object-id": "group.create.ack"
        },
        "group.invite": {
          "name": "group:invite",
          "title": "group:invite",
          "summary": "`group:invite`: the creator invites more friends.",
          "payload": {
            "type": "object",
            "properties": {
              "groupId": {
                "type": "string",
                "minLength": 8,
                "maxLength": 64,
                "pattern": "^g_[A-Za-z0-9_-]+$",
                "x-parser-schema-id": "<anonymous-schema-374>"
              },
              "userIds": {
                "minItems": 1,
                "maxItems": 1000,
                "type": "array",
                "items": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 128,
                  "pattern": "^[A-Za-z0-9_.:|@-]+$",
                  "x-parser-schema-id": "<anonymous-schema-376>"
                },
                "x-parser-schema-id": "<anonymous-schema-375>"
              }
            },
            "required": [
              "groupId",
              "userIds"
            ],
            "x-parser-schema-id": "group.invite.payload"
          },
          "x-parser-unique-object-id": "group.invite"
        },
        "group.invite.ack": {
          "name": "group:invite",
          "title": "group:invite ack",
          "summary": "`group:invite` result: who is now invited (already invited or joined ones are left out).",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-379>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "invited": {
                        "readOnly": true,
                        "type": "array",
                        "items": {
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-381>"
                        },
                        "x-parser-schema-id": "<anonymous-schema-380>"
                      }
                    },
                    "required": [
                      "invited"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "group.invite.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-378>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-383>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-382>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-377>"
          },
          "x-parser-unique-object-id": "group.invite.ack"
        },
        "group.join": {
          "name": "group:join",
          "title": "group:join",
          "summary": "`group:join`, `group:decline`, `group:leave`, `group:start`, `group:cancel`, `group:get`: act on one group hug.",
          "payload": {
            "type": "object",
            "properties": {
              "groupId": {
                "type": "string",
                "minLength": 8,
                "maxLength": 64,
                "pattern": "^g_[A-Za-z0-9_-]+$",
                "x-parser-schema-id": "<anonymous-schema-384>"
              }
            },
            "required": [
              "groupId"
            ],
            "x-parser-schema-id": "group.join.payload"
          },
          "x-parser-unique-object-id": "group.join"
        },
        "group.join.ack": {
          "name": "group:join",
          "title": "group:join ack",
          "summary": "The version and your entry, no lists: the snapshot is `group:get`'s, once per device.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-387>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "groupId": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-388>"
                      },
                      "version": {
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-389>"
                      },
                      "phase": "$ref:$.channels.connection.messages.group.create.ack.payload.oneOf[0].properties.data.properties.phase",
                      "startsAt": {
                        "anyOf": [
                          {
                            "type": "integer",
                            "description": "epoch milliseconds (server time)",
                            "x-parser-schema-id": "<anonymous-schema-391>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-392>"
                          }
                        ],
                        "x-parser-schema-id": "<anonymous-schema-390>"
                      },
                      "participantCount": {
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-393>"
                      },
                      "you": {
                        "type": "object",
                        "properties": {
                          "userId": {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-395>"
                          },
                          "status": {
                            "type": "string",
                            "enum": [
                              "participant",
                              "invited",
                              "declined"
                            ],
                            "x-parser-schema-id": "<anonymous-schema-396>"
                          }
                        },
                        "required": [
                          "userId",
                          "status"
                        ],
                        "additionalProperties": false,
                        "x-parser-schema-id": "<anonymous-schema-394>"
                      }
                    },
                    "required": [
                      "groupId",
                      "version",
                      "phase",
                      "startsAt",
                      "participantCount",
                      "you"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "group.join.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-386>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-398>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-397>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-385>"
          },
          "x-parser-unique-object-id": "group.join.ack"
        },
        "group.decline": {
          "name": "group:decline",
          "title": "group:decline",
          "summary": "`group:join`, `group:decline`, `group:leave`, `group:start`, `group:cancel`, `group:get`: act on one group hug.",
          "payload": "$ref:$.channels.connection.messages.group.join.payload",
          "x-parser-unique-object-id": "group.decline"
        },
        "group.decline.ack": {
          "name": "group:decline",
          "title": "group:decline ack",
          "summary": "`group:join`, `group:leave` and `group:decline` result: where the group hug stands after the command, and you in it, with no lists, so a join costs the same in a group of 3 or of 1,000. A device that follows the group hug has its snapshot (`group:get`, once) and its diffs (`group:state`), which reach the version given here.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-401>"
                  },
                  "data": "$ref:$.channels.connection.messages.group.join.ack.payload.oneOf[0].properties.data"
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-400>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-403>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-402>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-399>"
          },
          "x-parser-unique-object-id": "group.decline.ack"
        },
        "group.leave": {
          "name": "group:leave",
          "title": "group:leave",
          "summary": "`group:join`, `group:decline`, `group:leave`, `group:start`, `group:cancel`, `group:get`: act on one group hug.",
          "payload": "$ref:$.channels.connection.messages.group.join.payload",
          "x-parser-unique-object-id": "group.leave"
        },
        "group.leave.ack": {
          "name": "group:leave",
          "title": "group:leave ack",
          "summary": "`group:join`, `group:leave` and `group:decline` result: where the group hug stands after the command, and you in it, with no lists, so a join costs the same in a group of 3 or of 1,000. A device that follows the group hug has its snapshot (`group:get`, once) and its diffs (`group:state`), which reach the version given here.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-406>"
                  },
                  "data": "$ref:$.channels.connection.messages.group.join.ack.payload.oneOf[0].properties.data"
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-405>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-408>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-407>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-404>"
          },
          "x-parser-unique-object-id": "group.leave.ack"
        },
        "group.start": {
          "name": "group:start",
          "title": "group:start",
          "summary": "`group:join`, `group:decline`, `group:leave`, `group:start`, `group:cancel`, `group:get`: act on one group hug.",
          "payload": "$ref:$.channels.connection.messages.group.join.payload",
          "x-parser-unique-object-id": "group.start"
        },
        "group.start.ack": {
          "name": "group:start",
          "title": "group:start ack",
          "summary": "A group hug as its participants and invitees see it (the full snapshot). `version` grows by one with every change; diffs (`group:state`) carry the version they lead to.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-411>"
                  },
                  "data": "$ref:$.channels.connection.messages.group.create.ack.payload.oneOf[0].properties.data"
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-410>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-413>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-412>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-409>"
          },
          "x-parser-unique-object-id": "group.start.ack"
        },
        "group.cancel": {
          "name": "group:cancel",
          "title": "group:cancel",
          "summary": "`group:join`, `group:decline`, `group:leave`, `group:start`, `group:cancel`, `group:get`: act on one group hug.",
          "payload": "$ref:$.channels.connection.messages.group.join.payload",
          "x-parser-unique-object-id": "group.cancel"
        },
        "group.cancel.ack": {
          "name": "group:cancel",
          "title": "group:cancel ack",
          "summary": "A group hug as its participants and invitees see it (the full snapshot). `version` grows by one with every change; diffs (`group:state`) carry the version they lead to.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-416>"
                  },
                  "data": "$ref:$.channels.connection.messages.group.create.ack.payload.oneOf[0].properties.data"
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-415>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-418>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-417>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-414>"
          },
          "x-parser-unique-object-id": "group.cancel.ack"
        },
        "group.get": {
          "name": "group:get",
          "title": "group:get",
          "summary": "`group:join`, `group:decline`, `group:leave`, `group:start`, `group:cancel`, `group:get`: act on one group hug.",
          "payload": "$ref:$.channels.connection.messages.group.join.payload",
          "x-parser-unique-object-id": "group.get"
        },
        "group.get.ack": {
          "name": "group:get",
          "title": "group:get ack",
          "summary": "A group hug as its participants and invitees see it (the full snapshot). `version` grows by one with every change; diffs (`group:state`) carry the version they lead to.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-421>"
                  },
                  "data": "$ref:$.channels.connection.messages.group.create.ack.payload.oneOf[0].properties.data"
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-420>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-423>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-422>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-419>"
          },
          "x-parser-unique-object-id": "group.get.ack"
        },
        "group.squeeze": {
          "name": "group:squeeze",
          "title": "group:squeeze",
          "summary": "`group:squeeze`: one tap while `live`; `intensity` 0..1.",
          "payload": {
            "type": "object",
            "properties": {
              "groupId": {
                "type": "string",
                "minLength": 8,
                "maxLength": 64,
                "pattern": "^g_[A-Za-z0-9_-]+$",
                "x-parser-schema-id": "<anonymous-schema-424>"
              },
              "intensity": {
                "type": "number",
                "minimum": 0,
                "maximum": 1,
                "x-parser-schema-id": "<anonymous-schema-425>"
              }
            },
            "required": [
              "groupId",
              "intensity"
            ],
            "x-parser-schema-id": "group.squeeze.payload"
          },
          "x-parser-unique-object-id": "group.squeeze"
        },
        "group.squeeze.ack": {
          "name": "group:squeeze",
          "title": "group:squeeze ack",
          "summary": "`group:squeeze` result.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-428>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "accepted": {
                        "type": "boolean",
                        "const": true,
                        "x-parser-schema-id": "<anonymous-schema-429>"
                      }
                    },
                    "required": [
                      "accepted"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "group.squeeze.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-427>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-431>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-430>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-426>"
          },
          "x-parser-unique-object-id": "group.squeeze.ack"
        },
        "group.history": {
          "name": "group:history",
          "title": "group:history",
          "summary": "`group:history`: the group hugs the caller took part in, newest first.",
          "payload": {
            "type": "object",
            "properties": {
              "before": {
                "type": "string",
                "maxLength": 128,
                "x-parser-schema-id": "<anonymous-schema-432>"
              },
              "limit": {
                "default": 50,
                "type": "integer",
                "minimum": 1,
                "maximum": 200,
                "x-parser-schema-id": "<anonymous-schema-433>"
              }
            },
            "x-parser-schema-id": "group.history.payload"
          },
          "x-parser-unique-object-id": "group.history"
        },
        "group.history.ack": {
          "name": "group:history",
          "title": "group:history ack",
          "summary": "`group:history` result, newest first.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-436>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "summaries": {
                        "readOnly": true,
                        "type": "array",
                        "items": {
                          "type": "object",
                          "properties": {
                            "groupId": {
                              "type": "string",
                              "x-parser-schema-id": "<anonymous-schema-438>"
                            },
                            "title": {
                              "type": "string",
                              "x-parser-schema-id": "<anonymous-schema-439>"
                            },
                            "creatorId": {
                              "type": "string",
                              "x-parser-schema-id": "<anonymous-schema-440>"
                            },
                            "participants": {
                              "readOnly": true,
                              "type": "array",
                              "items": {
                                "type": "string",
                                "x-parser-schema-id": "<anonymous-schema-442>"
                              },
                              "x-parser-schema-id": "<anonymous-schema-441>"
                            },
                            "peakWarmth": {
                              "type": "number",
                              "x-parser-schema-id": "<anonymous-schema-443>"
                            },
                            "startsAt": {
                              "type": "integer",
                              "description": "epoch milliseconds (server time)",
                              "x-parser-schema-id": "<anonymous-schema-444>"
                            },
                            "durationMs": {
                              "type": "integer",
                              "x-parser-schema-id": "<anonymous-schema-445>"
                            },
                            "endedAt": {
                              "type": "integer",
                              "description": "epoch milliseconds (server time)",
                              "x-parser-schema-id": "<anonymous-schema-446>"
                            }
                          },
                          "required": [
                            "groupId",
                            "title",
                            "creatorId",
                            "participants",
                            "peakWarmth",
                            "startsAt",
                            "durationMs",
                            "endedAt"
                          ],
                          "additionalProperties": false,
                          "x-parser-schema-id": "GroupHugSummary"
                        },
                        "x-parser-schema-id": "<anonymous-schema-437>"
                      },
                      "next": {
                        "type": [
                          "string",
                          "null"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-447>"
                      }
                    },
                    "required": [
                      "summaries",
                      "next"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "group.history.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-435>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-449>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-448>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-434>"
          },
          "x-parser-unique-object-id": "group.history.ack"
        },
        "group.open": {
          "name": "group:open",
          "title": "group:open",
          "summary": "Takes no arguments: send `{}`.",
          "payload": "$ref:$.channels.connection.messages.friends.list.payload",
          "x-parser-unique-object-id": "group.open"
        },
        "group.open.ack": {
          "name": "group:open",
          "title": "group:open ack",
          "summary": "`group:open` result: the group hugs not yet ended that you take part in or are invited to (not declined), live first, then counting down, then gathering (newest first within each), at most 50.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-452>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "groups": {
                        "readOnly": true,
                        "type": "array",
                        "items": "$ref:$.channels.connection.messages.group.create.ack.payload.oneOf[0].properties.data",
                        "x-parser-schema-id": "<anonymous-schema-453>"
                      }
                    },
                    "required": [
                      "groups"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "group.open.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-451>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-455>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-454>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-450>"
          },
          "x-parser-unique-object-id": "group.open.ack"
        },
        "time.sync": {
          "name": "time:sync",
          "title": "time:sync",
          "summary": "Takes no arguments: send `{}`.",
          "payload": {
            "type": "object",
            "properties": {},
            "x-parser-schema-id": "time.sync.payload"
          },
          "x-parser-unique-object-id": "time.sync"
        },
        "time.sync.ack": {
          "name": "time:sync",
          "title": "time:sync ack",
          "summary": "`time:sync` result: the server's clock when it answered.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-458>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "serverTime": {
                        "type": "integer",
                        "description": "epoch milliseconds (server time)",
                        "x-parser-schema-id": "<anonymous-schema-459>"
                      }
                    },
                    "required": [
                      "serverTime"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "time.sync.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-457>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-461>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-460>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-456>"
          },
          "x-parser-unique-object-id": "time.sync.ack"
        },
        "mood.record": {
          "name": "mood:record",
          "title": "mood:record",
          "summary": "`mood:record`: record how you feel now. `valence` and `arousal` default to the mood's; `visibility` defaults to your `shareMoodsWith` and is narrowed to it. Retrying with the same `clientId` never records twice.",
          "payload": {
            "type": "object",
            "properties": {
              "mood": {
                "type": "string",
                "enum": [
                  "joyful",
                  "loved",
                  "grateful",
                  "proud",
                  "hopeful",
                  "content",
                  "calm",
                  "tired",
                  "lonely",
                  "anxious",
                  "stressed",
                  "sad",
                  "overwhelmed",
                  "angry"
                ],
                "x-parser-schema-id": "<anonymous-schema-462>"
              },
              "intensity": {
                "type": "number",
                "minimum": 0,
                "maximum": 1,
                "x-parser-schema-id": "<anonymous-schema-463>"
              },
              "valence": {
                "type": "number",
                "minimum": -1,
                "maximum": 1,
                "x-parser-schema-id": "<anonymous-schema-464>"
              },
              "arousal": {
                "type": "number",
                "minimum": 0,
                "maximum": 1,
                "x-parser-schema-id": "<anonymous-schema-465>"
              },
              "note": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-466>"
              },
              "tags": {
                "maxItems": 10,
                "type": "array",
                "items": {
                  "type": "string",
                  "x-parser-schema-id": "<anonymous-schema-468>"
                },
                "x-parser-schema-id": "<anonymous-schema-467>"
              },
              "visibility": {
                "type": "string",
                "enum": [
                  "private",
                  "friends",
                  "public"
                ],
                "x-parser-schema-id": "<anonymous-schema-469>"
              },
              "timeZone": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-470>"
              },
              "clientId": {
                "type": "string",
                "minLength": 8,
                "maxLength": 64,
                "pattern": "^[A-Za-z0-9_.:-]+$",
                "x-parser-schema-id": "<anonymous-schema-471>"
              }
            },
            "required": [
              "mood",
              "intensity",
              "timeZone",
              "clientId"
            ],
            "x-parser-schema-id": "mood.record.payload"
          },
          "x-parser-unique-object-id": "mood.record"
        },
        "mood.record.ack": {
          "name": "mood:record",
          "title": "mood:record ack",
          "summary": "`mood:record` result. A replay (the same `clientId`) answers with the first record's figures.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-474>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "moodId": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-475>"
                      },
                      "recordedAt": {
                        "type": "integer",
                        "description": "epoch milliseconds (server time)",
                        "x-parser-schema-id": "<anonymous-schema-476>"
                      },
                      "localDate": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-477>"
                      },
                      "streak": {
                        "type": "object",
                        "properties": {
                          "current": {
                            "type": "integer",
                            "x-parser-schema-id": "<anonymous-schema-478>"
                          },
                          "longest": {
                            "type": "integer",
                            "x-parser-schema-id": "<anonymous-schema-479>"
                          },
                          "lastDate": {
                            "type": [
                              "string",
                              "null"
                            ],
                            "x-parser-schema-id": "<anonymous-schema-480>"
                          }
                        },
                        "required": [
                          "current",
                          "longest",
                          "lastDate"
                        ],
                        "additionalProperties": false,
                        "x-parser-schema-id": "MoodStreak"
                      },
                      "milestone": {
                        "anyOf": [
                          {
                            "type": "integer",
                            "x-parser-schema-id": "<anonymous-schema-482>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-483>"
                          }
                        ],
                        "x-parser-schema-id": "<anonymous-schema-481>"
                      }
                    },
                    "required": [
                      "moodId",
                      "recordedAt",
                      "localDate",
                      "streak",
                      "milestone"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "mood.record.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-473>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-485>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-484>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-472>"
          },
          "x-parser-unique-object-id": "mood.record.ack"
        },
        "mood.update": {
          "name": "mood:update",
          "title": "mood:update",
          "summary": "`mood:update`: change one of your moods (at least one field; `note: null` removes the note).",
          "payload": {
            "type": "object",
            "properties": {
              "moodId": {
                "type": "string",
                "minLength": 8,
                "maxLength": 64,
                "pattern": "^[A-Za-z0-9_-]+$",
                "x-parser-schema-id": "<anonymous-schema-486>"
              },
              "mood": {
                "type": "string",
                "enum": [
                  "joyful",
                  "loved",
                  "grateful",
                  "proud",
                  "hopeful",
                  "content",
                  "calm",
                  "tired",
                  "lonely",
                  "anxious",
                  "stressed",
                  "sad",
                  "overwhelmed",
                  "angry"
                ],
                "x-parser-schema-id": "<anonymous-schema-487>"
              },
              "intensity": {
                "type": "number",
                "minimum": 0,
                "maximum": 1,
                "x-parser-schema-id": "<anonymous-schema-488>"
              },
              "valence": {
                "type": "number",
                "minimum": -1,
                "maximum": 1,
                "x-parser-schema-id": "<anonymous-schema-489>"
              },
              "arousal": {
                "type": "number",
                "minimum": 0,
                "maximum": 1,
                "x-parser-schema-id": "<anonymous-schema-490>"
              },
              "note": {
                "type": [
                  "string",
                  "null"
                ],
                "x-parser-schema-id": "<anonymous-schema-491>"
              },
              "tags": {
                "maxItems": 10,
                "type": "array",
                "items": {
                  "type": "string",
                  "x-parser-schema-id": "<anonymous-schema-493>"
                },
                "x-parser-schema-id": "<anonymous-schema-492>"
              },
              "visibility": {
                "type": "string",
                "enum": [
                  "private",
                  "friends",
                  "public"
                ],
                "x-parser-schema-id": "<anonymous-schema-494>"
              }
            },
            "required": [
              "moodId"
            ],
            "x-parser-schema-id": "mood.update.payload"
          },
          "x-parser-unique-object-id": "mood.update"
        },
        "mood.update.ack": {
          "name": "mood:update",
          "title": "mood:update ack",
          "summary": "The mood as it is now.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-497>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "id": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-498>"
                      },
                      "userId": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-499>"
                      },
                      "mood": {
                        "type": "string",
                        "enum": [
                          "joyful",
                          "loved",
                          "grateful",
                          "proud",
                          "hopeful",
                          "content",
                          "calm",
                          "tired",
                          "lonely",
                          "anxious",
                          "stressed",
                          "sad",
                          "overwhelmed",
                          "angry"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-500>"
                      },
                      "intensity": {
                        "type": "number",
                        "x-parser-schema-id": "<anonymous-schema-501>"
                      },
                      "valence": {
                        "type": "number",
                        "x-parser-schema-id": "<anonymous-schema-502>"
                      },
                      "arousal": {
                        "type": "number",
                        "x-parser-schema-id": "<anonymous-schema-503>"
                      },
                      "note": {
                        "type": [
                          "string",
                          "null"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-504>"
                      },
                      "tags": {
                        "readOnly": true,
                        "type": "array",
                        "items": {
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-506>"
                        },
                        "x-parser-schema-id": "<anonymous-schema-505>"
                      },
                      "visibility": {
                        "type": "string",
                        "enum": [
                          "private",
                          "friends",
                          "public"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-507>"
                      },
                      "timeZone": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-508>"
                      },
                      "localDate": {
                        "type": "string",
                        "description": "YYYY-MM-DD in the entry's time zone",
                        "x-parser-schema-id": "<anonymous-schema-509>"
                      },
                      "recordedAt": {
                        "type": "integer",
                        "description": "epoch milliseconds (server time)",
                        "x-parser-schema-id": "<anonymous-schema-510>"
                      },
                      "updatedAt": {
                        "anyOf": [
                          {
                            "type": "integer",
                            "description": "epoch milliseconds (server time)",
                            "x-parser-schema-id": "<anonymous-schema-512>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-513>"
                          }
                        ],
                        "x-parser-schema-id": "<anonymous-schema-511>"
                      }
                    },
                    "required": [
                      "id",
                      "userId",
                      "mood",
                      "intensity",
                      "valence",
                      "arousal",
                      "note",
                      "tags",
                      "visibility",
                      "timeZone",
                      "localDate",
                      "recordedAt",
                      "updatedAt"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "MoodEntry"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-496>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-515>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-514>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-495>"
          },
          "x-parser-unique-object-id": "mood.update.ack"
        },
        "mood.delete": {
          "name": "mood:delete",
          "title": "mood:delete",
          "summary": "`mood:delete`: remove one of your moods (friends who saw it hear so).",
          "payload": {
            "type": "object",
            "properties": {
              "moodId": {
                "type": "string",
                "minLength": 8,
                "maxLength": 64,
                "pattern": "^[A-Za-z0-9_-]+$",
                "x-parser-schema-id": "<anonymous-schema-516>"
              }
            },
            "required": [
              "moodId"
            ],
            "x-parser-schema-id": "mood.delete.payload"
          },
          "x-parser-unique-object-id": "mood.delete"
        },
        "mood.delete.ack": {
          "name": "mood:delete",
          "title": "mood:delete ack",
          "summary": "`mood:delete` result: the deleted mood, and the streak rebuilt without it.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-519>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "moodId": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-520>"
                      },
                      "streak": "$ref:$.channels.connection.messages.mood.record.ack.payload.oneOf[0].properties.data.properties.streak"
                    },
                    "required": [
                      "moodId",
                      "streak"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "mood.delete.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-518>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-522>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-521>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-517>"
          },
          "x-parser-unique-object-id": "mood.delete.ack"
        },
        "mood.streak": {
          "name": "mood:streak",
          "title": "mood:streak",
          "summary": "`mood:streak`: your streak, or a friend's where their privacy allows; `timeZone` (default UTC) says what \"today\" is.",
          "payload": {
            "type": "object",
            "properties": {
              "userId": {
                "type": "string",
                "minLength": 1,
                "maxLength": 128,
                "pattern": "^[A-Za-z0-9_.:|@-]+$",
                "x-parser-schema-id": "<anonymous-schema-523>"
              },
              "timeZone": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-524>"
              }
            },
            "x-parser-schema-id": "mood.streak.payload"
          },
          "x-parser-unique-object-id": "mood.streak"
        },
        "mood.streak.ack": {
          "name": "mood:streak",
          "title": "mood:streak ack",
          "summary": "A user's streak of days with a mood. `current` is 0 once a whole date passed without one.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-527>"
                  },
                  "data": "$ref:$.channels.connection.messages.mood.record.ack.payload.oneOf[0].properties.data.properties.streak"
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-526>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-529>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-528>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-525>"
          },
          "x-parser-unique-object-id": "mood.streak.ack"
        },
        "mood.history": {
          "name": "mood:history",
          "title": "mood:history",
          "summary": "`mood:history`: your moods, or those a friend lets you see, newest first, one page at a time.",
          "payload": {
            "type": "object",
            "properties": {
              "userId": {
                "type": "string",
                "minLength": 1,
                "maxLength": 128,
                "pattern": "^[A-Za-z0-9_.:|@-]+$",
                "x-parser-schema-id": "<anonymous-schema-530>"
              },
              "before": {
                "type": "string",
                "maxLength": 128,
                "x-parser-schema-id": "<anonymous-schema-531>"
              },
              "limit": {
                "default": 50,
                "type": "integer",
                "minimum": 1,
                "maximum": 200,
                "x-parser-schema-id": "<anonymous-schema-532>"
              }
            },
            "x-parser-schema-id": "mood.history.payload"
          },
          "x-parser-unique-object-id": "mood.history"
        },
        "mood.history.ack": {
          "name": "mood:history",
          "title": "mood:history ack",
          "summary": "A page of `mood:history`, newest first; `next` continues it (null at the end).",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-535>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "entries": {
                        "readOnly": true,
                        "type": "array",
                        "items": "$ref:$.channels.connection.messages.mood.update.ack.payload.oneOf[0].properties.data",
                        "x-parser-schema-id": "<anonymous-schema-536>"
                      },
                      "next": {
                        "type": [
                          "string",
                          "null"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-537>"
                      }
                    },
                    "required": [
                      "entries",
                      "next"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "mood.history.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-534>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-539>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-538>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-533>"
          },
          "x-parser-unique-object-id": "mood.history.ack"
        },
        "mood.summary": {
          "name": "mood:summary",
          "title": "mood:summary",
          "summary": "`mood:summary`: insights over your last `days` days.",
          "payload": {
            "type": "object",
            "properties": {
              "days": {
                "anyOf": [
                  {
                    "type": "number",
                    "const": 7,
                    "x-parser-schema-id": "<anonymous-schema-541>"
                  },
                  {
                    "type": "number",
                    "const": 30,
                    "x-parser-schema-id": "<anonymous-schema-542>"
                  },
                  {
                    "type": "number",
                    "const": 90,
                    "x-parser-schema-id": "<anonymous-schema-543>"
                  },
                  {
                    "type": "number",
                    "const": 365,
                    "x-parser-schema-id": "<anonymous-schema-544>"
                  }
                ],
                "x-parser-schema-id": "<anonymous-schema-540>"
              }
            },
            "required": [
              "days"
            ],
            "x-parser-schema-id": "mood.summary.payload"
          },
          "x-parser-unique-object-id": "mood.summary"
        },
        "mood.summary.ack": {
          "name": "mood:summary",
          "title": "mood:summary ack",
          "summary": "What `mood:summary` answers.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-547>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "days": {
                        "anyOf": [
                          {
                            "type": "number",
                            "const": 7,
                            "x-parser-schema-id": "<anonymous-schema-549>"
                          },
                          {
                            "type": "number",
                            "const": 30,
                            "x-parser-schema-id": "<anonymous-schema-550>"
                          },
                          {
                            "type": "number",
                            "const": 90,
                            "x-parser-schema-id": "<anonymous-schema-551>"
                          },
                          {
                            "type": "number",
                            "const": 365,
                            "x-parser-schema-id": "<anonymous-schema-552>"
                          }
                        ],
                        "x-parser-schema-id": "<anonymous-schema-548>"
                      },
                      "from": {
                        "type": "integer",
                        "description": "epoch milliseconds (server time)",
                        "x-parser-schema-id": "<anonymous-schema-553>"
                      },
                      "to": {
                        "type": "integer",
                        "description": "epoch milliseconds (server time)",
                        "x-parser-schema-id": "<anonymous-schema-554>"
                      },
                      "entries": {
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-555>"
                      },
                      "counts": {
                        "readOnly": true,
                        "type": "object",
                        "propertyNames": {
                          "type": "string",
                          "enum": [
                            "joyful",
                            "loved",
                            "grateful",
                            "proud",
                            "hopeful",
                            "content",
                            "calm",
                            "tired",
                            "lonely",
                            "anxious",
                            "stressed",
                            "sad",
                            "overwhelmed",
                            "angry"
                          ],
                          "x-parser-schema-id": "<anonymous-schema-558>"
                        },
                        "additionalProperties": {
                          "type": "integer",
                          "x-parser-schema-id": "<anonymous-schema-557>"
                        },
                        "x-parser-schema-id": "<anonymous-schema-556>"
                      },
                      "averages": {
                        "oneOf": [
                          {
                            "type": "object",
                            "properties": {
                              "status": {
                                "type": "string",
                                "const": "ok",
                                "x-parser-schema-id": "<anonymous-schema-561>"
                              },
                              "intensity": {
                                "type": "number",
                                "x-parser-schema-id": "<anonymous-schema-562>"
                              },
                              "valence": {
                                "type": "number",
                                "x-parser-schema-id": "<anonymous-schema-563>"
                              }
                            },
                            "required": [
                              "status",
                              "intensity",
                              "valence"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-560>"
                          },
                          {
                            "type": "object",
                            "properties": {
                              "status": {
                                "type": "string",
                                "const": "not-enough-data",
                                "x-parser-schema-id": "<anonymous-schema-565>"
                              },
                              "have": {
                                "type": "integer",
                                "x-parser-schema-id": "<anonymous-schema-566>"
                              },
                              "need": {
                                "type": "integer",
                                "x-parser-schema-id": "<anonymous-schema-567>"
                              }
                            },
                            "required": [
                              "status",
                              "have",
                              "need"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-564>"
                          }
                        ],
                        "x-parser-schema-id": "<anonymous-schema-559>"
                      },
                      "byWeekday": {
                        "oneOf": [
                          {
                            "type": "object",
                            "properties": {
                              "status": {
                                "type": "string",
                                "const": "ok",
                                "x-parser-schema-id": "<anonymous-schema-570>"
                              },
                              "buckets": {
                                "readOnly": true,
                                "type": "array",
                                "items": {
                                  "type": "object",
                                  "properties": {
                                    "count": {
                                      "type": "integer",
                                      "x-parser-schema-id": "<anonymous-schema-573>"
                                    },
                                    "valence": {
                                      "type": [
                                        "number",
                                        "null"
                                      ],
                                      "x-parser-schema-id": "<anonymous-schema-574>"
                                    }
                                  },
                                  "required": [
                                    "count",
                                    "valence"
                                  ],
                                  "additionalProperties": false,
                                  "x-parser-schema-id": "<anonymous-schema-572>"
                                },
                                "x-parser-schema-id": "<anonymous-schema-571>"
                              }
                            },
                            "required": [
                              "status",
                              "buckets"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-569>"
                          },
                          {
                            "type": "object",
                            "properties": {
                              "status": {
                                "type": "string",
                                "const": "not-enough-data",
                                "x-parser-schema-id": "<anonymous-schema-576>"
                              },
                              "have": {
                                "type": "integer",
                                "x-parser-schema-id": "<anonymous-schema-577>"
                              },
                              "need": {
                                "type": "integer",
                                "x-parser-schema-id": "<anonymous-schema-578>"
                              }
                            },
                            "required": [
                              "status",
                              "have",
                              "need"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-575>"
                          }
                        ],
                        "x-parser-schema-id": "<anonymous-schema-568>"
                      },
                      "byTimeOfDay": {
                        "oneOf": [
                          {
                            "type": "object",
                            "properties": {
                              "status": {
                                "type": "string",
                                "const": "ok",
                                "x-parser-schema-id": "<anonymous-schema-581>"
                              },
                              "buckets": {
                                "readOnly": true,
                                "type": "object",
                                "properties": {
                                  "night": {
                                    "type": "object",
                                    "properties": {
                                      "count": {
                                        "type": "integer",
                                        "x-parser-schema-id": "<anonymous-schema-584>"
                                      },
                                      "valence": {
                                        "type": [
                                          "number",
                                          "null"
                                        ],
                                        "x-parser-schema-id": "<anonymous-schema-585>"
                                      }
                                    },
                                    "required": [
                                      "count",
                                      "valence"
                                    ],
                                    "additionalProperties": false,
                                    "x-parser-schema-id": "<anonymous-schema-583>"
                                  },
                                  "morning": {
                                    "type": "object",
                                    "properties": {
                                      "count": {
                                        "type": "integer",
                                        "x-parser-schema-id": "<anonymous-schema-587>"
                                      },
                                      "valence": {
                                        "type": [
                                          "number",
                                          "null"
                                        ],
                                        "x-parser-schema-id": "<anonymous-schema-588>"
                                      }
                                    },
                                    "required": [
                                      "count",
                                      "valence"
                                    ],
                                    "additionalProperties": false,
                                    "x-parser-schema-id": "<anonymous-schema-586>"
                                  },
                                  "afternoon": {
                                    "type": "object",
                                    "properties": {
                                      "count": {
                                        "type": "integer",
                                        "x-parser-schema-id": "<anonymous-schema-590>"
                                      },
                                      "valence": {
                                        "type": [
                                          "number",
                                          "null"
                                        ],
                                        "x-parser-schema-id": "<anonymous-schema-591>"
                                      }
                                    },
                                    "required": [
                                      "count",
                                      "valence"
                                    ],
                                    "additionalProperties": false,
                                    "x-parser-schema-id": "<anonymous-schema-589>"
                                  },
                                  "evening": {
                                    "type": "object",
                                    "properties": {
                                      "count": {
                                        "type": "integer",
                                        "x-parser-schema-id": "<anonymous-schema-593>"
                                      },
                                      "valence": {
                                        "type": [
                                          "number",
                                          "null"
                                        ],
                                        "x-parser-schema-id": "<anonymous-schema-594>"
                                      }
                                    },
                                    "required": [
                                      "count",
                                      "valence"
                                    ],
                                    "additionalProperties": false,
                                    "x-parser-schema-id": "<anonymous-schema-592>"
                                  }
                                },
                                "required": [
                                  "night",
                                  "morning",
                                  "afternoon",
                                  "evening"
                                ],
                                "additionalProperties": false,
                                "x-parser-schema-id": "<anonymous-schema-582>"
                              }
                            },
                            "required": [
                              "status",
                              "buckets"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-580>"
                          },
                          {
                            "type": "object",
                            "properties": {
                              "status": {
                                "type": "string",
                                "const": "not-enough-data",
                                "x-parser-schema-id": "<anonymous-schema-596>"
                              },
                              "have": {
                                "type": "integer",
                                "x-parser-schema-id": "<anonymous-schema-597>"
                              },
                              "need": {
                                "type": "integer",
                                "x-parser-schema-id": "<anonymous-schema-598>"
                              }
                            },
                            "required": [
                              "status",
                              "have",
                              "need"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-595>"
                          }
                        ],
                        "x-parser-schema-id": "<anonymous-schema-579>"
                      },
                      "trend": {
                        "oneOf": [
                          {
                            "type": "object",
                            "properties": {
                              "status": {
                                "type": "string",
                                "const": "ok",
                                "x-parser-schema-id": "<anonymous-schema-601>"
                              },
                              "valencePerWeek": {
                                "type": "number",
                                "x-parser-schema-id": "<anonymous-schema-602>"
                              },
                              "standardError": {
                                "type": "number",
                                "x-parser-schema-id": "<anonymous-schema-603>"
                              },
                              "entries": {
                                "type": "integer",
                                "x-parser-schema-id": "<anonymous-schema-604>"
                              },
                              "days": {
                                "type": "integer",
                                "x-parser-schema-id": "<anonymous-schema-605>"
                              }
                            },
                            "required": [
                              "status",
                              "valencePerWeek",
                              "standardError",
                              "entries",
                              "days"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-600>"
                          },
                          {
                            "type": "object",
                            "properties": {
                              "status": {
                                "type": "string",
                                "const": "not-enough-data",
                                "x-parser-schema-id": "<anonymous-schema-607>"
                              },
                              "have": {
                                "type": "integer",
                                "x-parser-schema-id": "<anonymous-schema-608>"
                              },
                              "need": {
                                "type": "integer",
                                "x-parser-schema-id": "<anonymous-schema-609>"
                              }
                            },
                            "required": [
                              "status",
                              "have",
                              "need"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-606>"
                          }
                        ],
                        "x-parser-schema-id": "<anonymous-schema-599>"
                      },
                      "bestAndHardestDays": {
                        "oneOf": [
                          {
                            "type": "object",
                            "properties": {
                              "status": {
                                "type": "string",
                                "const": "ok",
                                "x-parser-schema-id": "<anonymous-schema-612>"
                              },
                              "best": {
                                "type": "object",
                                "properties": {
                                  "date": {
                                    "type": "string",
                                    "x-parser-schema-id": "<anonymous-schema-614>"
                                  },
                                  "valence": {
                                    "type": "number",
                                    "x-parser-schema-id": "<anonymous-schema-615>"
                                  },
                                  "count": {
                                    "type": "integer",
                                    "x-parser-schema-id": "<anonymous-schema-616>"
                                  }
                                },
                                "required": [
                                  "date",
                                  "valence",
                                  "count"
                                ],
                                "additionalProperties": false,
                                "x-parser-schema-id": "<anonymous-schema-613>"
                              },
                              "hardest": {
                                "type": "object",
                                "properties": {
                                  "date": {
                                    "type": "string",
                                    "x-parser-schema-id": "<anonymous-schema-618>"
                                  },
                                  "valence": {
                                    "type": "number",
                                    "x-parser-schema-id": "<anonymous-schema-619>"
                                  },
                                  "count": {
                                    "type": "integer",
                                    "x-parser-schema-id": "<anonymous-schema-620>"
                                  }
                                },
                                "required": [
                                  "date",
                                  "valence",
                                  "count"
                                ],
                                "additionalProperties": false,
                                "x-parser-schema-id": "<anonymous-schema-617>"
                              }
                            },
                            "required": [
                              "status",
                              "best",
                              "hardest"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-611>"
                          },
                          {
                            "type": "object",
                            "properties": {
                              "status": {
                                "type": "string",
                                "const": "not-enough-data",
                                "x-parser-schema-id": "<anonymous-schema-622>"
                              },
                              "have": {
                                "type": "integer",
                                "x-parser-schema-id": "<anonymous-schema-623>"
                              },
                              "need": {
                                "type": "integer",
                                "x-parser-schema-id": "<anonymous-schema-624>"
                              }
                            },
                            "required": [
                              "status",
                              "have",
                              "need"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-621>"
                          }
                        ],
                        "x-parser-schema-id": "<anonymous-schema-610>"
                      },
                      "tags": {
                        "oneOf": [
                          {
                            "type": "object",
                            "properties": {
                              "status": {
                                "type": "string",
                                "const": "ok",
                                "x-parser-schema-id": "<anonymous-schema-627>"
                              },
                              "better": {
                                "readOnly": true,
                                "type": "array",
                                "items": {
                                  "type": "object",
                                  "properties": {
                                    "tag": {
                                      "type": "string",
                                      "x-parser-schema-id": "<anonymous-schema-630>"
                                    },
                                    "count": {
                                      "type": "integer",
                                      "x-parser-schema-id": "<anonymous-schema-631>"
                                    },
                                    "difference": {
                                      "type": "number",
                                      "x-parser-schema-id": "<anonymous-schema-632>"
                                    }
                                  },
                                  "required": [
                                    "tag",
                                    "count",
                                    "difference"
                                  ],
                                  "additionalProperties": false,
                                  "x-parser-schema-id": "<anonymous-schema-629>"
                                },
                                "x-parser-schema-id": "<anonymous-schema-628>"
                              },
                              "worse": {
                                "readOnly": true,
                                "type": "array",
                                "items": {
                                  "type": "object",
                                  "properties": {
                                    "tag": {
                                      "type": "string",
                                      "x-parser-schema-id": "<anonymous-schema-635>"
                                    },
                                    "count": {
                                      "type": "integer",
                                      "x-parser-schema-id": "<anonymous-schema-636>"
                                    },
                                    "difference": {
                                      "type": "number",
                                      "x-parser-schema-id": "<anonymous-schema-637>"
                                    }
                                  },
                                  "required": [
                                    "tag",
                                    "count",
                                    "difference"
                                  ],
                                  "additionalProperties": false,
                                  "x-parser-schema-id": "<anonymous-schema-634>"
                                },
                                "x-parser-schema-id": "<anonymous-schema-633>"
                              }
                            },
                            "required": [
                              "status",
                              "better",
                              "worse"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-626>"
                          },
                          {
                            "type": "object",
                            "properties": {
                              "status": {
                                "type": "string",
                                "const": "not-enough-data",
                                "x-parser-schema-id": "<anonymous-schema-639>"
                              },
                              "have": {
                                "type": "integer",
                                "x-parser-schema-id": "<anonymous-schema-640>"
                              },
                              "need": {
                                "type": "integer",
                                "x-parser-schema-id": "<anonymous-schema-641>"
                              }
                            },
                            "required": [
                              "status",
                              "have",
                              "need"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-638>"
                          }
                        ],
                        "x-parser-schema-id": "<anonymous-schema-625>"
                      },
                      "hugLift": {
                        "type": "object",
                        "properties": {
                          "windowHours": {
                            "type": "number",
                            "x-parser-schema-id": "<anonymous-schema-643>"
                          },
                          "afterHugs": {
                            "oneOf": [
                              {
                                "type": "object",
                                "properties": {
                                  "status": {
                                    "type": "string",
                                    "const": "ok",
                                    "x-parser-schema-id": "<anonymous-schema-646>"
                                  },
                                  "meanAfter": {
                                    "type": "number",
                                    "x-parser-schema-id": "<anonymous-schema-647>"
                                  },
                                  "meanBaseline": {
                                    "type": "number",
                                    "x-parser-schema-id": "<anonymous-schema-648>"
                                  },
                                  "difference": {
                                    "type": "number",
                                    "x-parser-schema-id": "<anonymous-schema-649>"
                                  },
                                  "effectSize": {
                                    "type": [
                                      "number",
                                      "null"
                                    ],
                                    "x-parser-schema-id": "<anonymous-schema-650>"
                                  },
                                  "ci95": {
                                    "readOnly": true,
                                    "type": "array",
                                    "items": [
                                      {
                                        "type": "number",
                                        "x-parser-schema-id": "<anonymous-schema-652>"
                                      },
                                      {
                                        "type": "number",
                                        "x-parser-schema-id": "<anonymous-schema-653>"
                                      }
                                    ],
                                    "additionalItems": false,
                                    "minItems": 2,
                                    "maxItems": 2,
                                    "x-parser-schema-id": "<anonymous-schema-651>"
                                  },
                                  "confident": {
                                    "type": "boolean",
                                    "x-parser-schema-id": "<anonymous-schema-654>"
                                  },
                                  "nAfter": {
                                    "type": "integer",
                                    "x-parser-schema-id": "<anonymous-schema-655>"
                                  },
                                  "nBaseline": {
                                    "type": "integer",
                                    "x-parser-schema-id": "<anonymous-schema-656>"
                                  }
                                },
                                "required": [
                                  "status",
                                  "meanAfter",
                                  "meanBaseline",
                                  "difference",
                                  "effectSize",
                                  "ci95",
                                  "confident",
                                  "nAfter",
                                  "nBaseline"
                                ],
                                "additionalProperties": false,
                                "x-parser-schema-id": "<anonymous-schema-645>"
                              },
                              {
                                "type": "object",
                                "properties": {
                                  "status": {
                                    "type": "string",
                                    "const": "not-enough-data",
                                    "x-parser-schema-id": "<anonymous-schema-658>"
                                  },
                                  "have": {
                                    "type": "integer",
                                    "x-parser-schema-id": "<anonymous-schema-659>"
                                  },
                                  "need": {
                                    "type": "integer",
                                    "x-parser-schema-id": "<anonymous-schema-660>"
                                  }
                                },
                                "required": [
                                  "status",
                                  "have",
                                  "need"
                                ],
                                "additionalProperties": false,
                                "x-parser-schema-id": "<anonymous-schema-657>"
                              }
                            ],
                            "x-parser-schema-id": "<anonymous-schema-644>"
                          },
                          "afterGroupHugs": {
                            "oneOf": [
                              {
                                "type": "object",
                                "properties": {
                                  "status": {
                                    "type": "string",
                                    "const": "ok",
                                    "x-parser-schema-id": "<anonymous-schema-663>"
                                  },
                                  "meanAfter": {
                                    "type": "number",
                                    "x-parser-schema-id": "<anonymous-schema-664>"
                                  },
                                  "meanBaseline": {
                                    "type": "number",
                                    "x-parser-schema-id": "<anonymous-schema-665>"
                                  },
                                  "difference": {
                                    "type": "number",
                                    "x-parser-schema-id": "<anonymous-schema-666>"
                                  },
                                  "effectSize": {
                                    "type": [
                                      "number",
                                      "null"
                                    ],
                                    "x-parser-schema-id": "<anonymous-schema-667>"
                                  },
                                  "ci95": {
                                    "readOnly": true,
                                    "type": "array",
                                    "items": [
                                      {
                                        "type": "number",
                                        "x-parser-schema-id": "<anonymous-schema-669>"
                                      },
                                      {
                                        "type": "number",
                                        "x-parser-schema-id": "<anonymous-schema-670>"
                                      }
                                    ],
                                    "additionalItems": false,
                                    "minItems": 2,
                                    "maxItems": 2,
                                    "x-parser-schema-id": "<anonymous-schema-668>"
                                  },
                                  "confident": {
                                    "type": "boolean",
                                    "x-parser-schema-id": "<anonymous-schema-671>"
                                  },
                                  "nAfter": {
                                    "type": "integer",
                                    "x-parser-schema-id": "<anonymous-schema-672>"
                                  },
                                  "nBaseline": {
                                    "type": "integer",
                                    "x-parser-schema-id": "<anonymous-schema-673>"
                                  }
                                },
                                "required": [
                                  "status",
                                  "meanAfter",
                                  "meanBaseline",
                                  "difference",
                                  "effectSize",
                                  "ci95",
                                  "confident",
                                  "nAfter",
                                  "nBaseline"
                                ],
                                "additionalProperties": false,
                                "x-parser-schema-id": "<anonymous-schema-662>"
                              },
                              {
                                "type": "object",
                                "properties": {
                                  "status": {
                                    "type": "string",
                                    "const": "not-enough-data",
                                    "x-parser-schema-id": "<anonymous-schema-675>"
                                  },
                                  "have": {
                                    "type": "integer",
                                    "x-parser-schema-id": "<anonymous-schema-676>"
                                  },
                                  "need": {
                                    "type": "integer",
                                    "x-parser-schema-id": "<anonymous-schema-677>"
                                  }
                                },
                                "required": [
                                  "status",
                                  "have",
                                  "need"
                                ],
                                "additionalProperties": false,
                                "x-parser-schema-id": "<anonymous-schema-674>"
                              }
                            ],
                            "x-parser-schema-id": "<anonymous-schema-661>"
                          },
                          "byFriend": {
                            "readOnly": true,
                            "type": "array",
                            "items": {
                              "type": "object",
                              "properties": {
                                "friendId": {
                                  "type": "string",
                                  "x-parser-schema-id": "<anonymous-schema-680>"
                                },
                                "lift": {
                                  "type": "object",
                                  "properties": {
                                    "meanAfter": {
                                      "type": "number",
                                      "x-parser-schema-id": "<anonymous-schema-682>"
                                    },
                                    "meanBaseline": {
                                      "type": "number",
                                      "x-parser-schema-id": "<anonymous-schema-683>"
                                    },
                                    "difference": {
                                      "type": "number",
                                      "x-parser-schema-id": "<anonymous-schema-684>"
                                    },
                                    "effectSize": {
                                      "type": [
                                        "number",
                                        "null"
                                      ],
                                      "x-parser-schema-id": "<anonymous-schema-685>"
                                    },
                                    "ci95": {
                                      "readOnly": true,
                                      "type": "array",
                                      "items": [
                                        {
                                          "type": "number",
                                          "x-parser-schema-id": "<anonymous-schema-687>"
                                        },
                                        {
                                          "type": "number",
                                          "x-parser-schema-id": "<anonymous-schema-688>"
                                        }
                                      ],
                                      "additionalItems": false,
                                      "minItems": 2,
                                      "maxItems": 2,
                                      "x-parser-schema-id": "<anonymous-schema-686>"
                                    },
                                    "confident": {
                                      "type": "boolean",
                                      "x-parser-schema-id": "<anonymous-schema-689>"
                                    },
                                    "nAfter": {
                                      "type": "integer",
                                      "x-parser-schema-id": "<anonymous-schema-690>"
                                    },
                                    "nBaseline": {
                                      "type": "integer",
                                      "x-parser-schema-id": "<anonymous-schema-691>"
                                    }
                                  },
                                  "required": [
                                    "meanAfter",
                                    "meanBaseline",
                                    "difference",
                                    "effectSize",
                                    "ci95",
                                    "confident",
                                    "nAfter",
                                    "nBaseline"
                                  ],
                                  "additionalProperties": false,
                                  "x-parser-schema-id": "<anonymous-schema-681>"
                                }
                              },
                              "required": [
                                "friendId",
                                "lift"
                              ],
                              "additionalProperties": false,
                              "x-parser-schema-id": "<anonymous-schema-679>"
                            },
                            "x-parser-schema-id": "<anonymous-schema-678>"
                          }
                        },
                        "required": [
                          "windowHours",
                          "afterHugs",
                          "afterGroupHugs",
                          "byFriend"
                        ],
                        "additionalProperties": false,
                        "x-parser-schema-id": "<anonymous-schema-642>"
                      }
                    },
                    "required": [
                      "days",
                      "from",
                      "to",
                      "entries",
                      "counts",
                      "averages",
                      "byWeekday",
                      "byTimeOfDay",
                      "trend",
                      "bestAndHardestDays",
                      "tags",
                      "hugLift"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "MoodSummary"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-546>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-693>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-692>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-545>"
          },
          "x-parser-unique-object-id": "mood.summary.ack"
        },
        "mood.friends": {
          "name": "mood:friends",
          "title": "mood:friends",
          "summary": "Takes no arguments: send `{}`.",
          "payload": {
            "type": "object",
            "properties": {},
            "x-parser-schema-id": "mood.friends.payload"
          },
          "x-parser-unique-object-id": "mood.friends"
        },
        "mood.friends.ack": {
          "name": "mood:friends",
          "title": "mood:friends ack",
          "summary": "Each friend whose moods show to you, with their latest mood and streak; you now hear their moods live.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-696>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "friends": {
                        "readOnly": true,
                        "type": "array",
                        "items": {
                          "type": "object",
                          "properties": {
                            "userId": {
                              "type": "string",
                              "x-parser-schema-id": "<anonymous-schema-699>"
                            },
                            "latest": {
                              "anyOf": [
                                "$ref:$.channels.connection.messages.mood.update.ack.payload.oneOf[0].properties.data",
                                {
                                  "type": "null",
                                  "x-parser-schema-id": "<anonymous-schema-701>"
                                }
                              ],
                              "x-parser-schema-id": "<anonymous-schema-700>"
                            },
                            "streak": "$ref:$.channels.connection.messages.mood.record.ack.payload.oneOf[0].properties.data.properties.streak"
                          },
                          "required": [
                            "userId",
                            "latest",
                            "streak"
                          ],
                          "additionalProperties": false,
                          "x-parser-schema-id": "<anonymous-schema-698>"
                        },
                        "x-parser-schema-id": "<anonymous-schema-697>"
                      },
                      "at": {
                        "type": "integer",
                        "description": "epoch milliseconds (server time)",
                        "x-parser-schema-id": "<anonymous-schema-702>"
                      }
                    },
                    "required": [
                      "friends",
                      "at"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "mood.friends.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-695>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-704>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-703>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-694>"
          },
          "x-parser-unique-object-id": "mood.friends.ack"
        },
        "notification.list": {
          "name": "notification:list",
          "title": "notification:list",
          "summary": "`notification:list`: your notifications, newest first, a page at a time.",
          "payload": {
            "type": "object",
            "properties": {
              "before": {
                "type": "string",
                "maxLength": 128,
                "x-parser-schema-id": "<anonymous-schema-705>"
              },
              "limit": {
                "default": 50,
                "type": "integer",
                "minimum": 1,
                "maximum": 200,
                "x-parser-schema-id": "<anonymous-schema-706>"
              },
              "unreadOnly": {
                "type": "boolean",
                "x-parser-schema-id": "<anonymous-schema-707>"
              }
            },
            "x-parser-schema-id": "notification.list.payload"
          },
          "x-parser-unique-object-id": "notification.list"
        },
        "notification.list.ack": {
          "name": "notification:list",
          "title": "notification:list ack",
          "summary": "`notification:list`: a page of your notifications, newest first.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-710>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "notifications": {
                        "readOnly": true,
                        "type": "array",
                        "items": "$ref:$.channels.connection.messages.inbox.sync.ack.payload.oneOf[0].properties.data.properties.entries.items.oneOf[5].properties.notification",
                        "x-parser-schema-id": "<anonymous-schema-711>"
                      },
                      "next": {
                        "type": [
                          "string",
                          "null"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-712>"
                      },
                      "unread": {
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-713>"
                      }
                    },
                    "required": [
                      "notifications",
                      "next",
                      "unread"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "notification.list.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-709>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-715>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-714>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-708>"
          },
          "x-parser-unique-object-id": "notification.list.ack"
        },
        "notification.read": {
          "name": "notification:read",
          "title": "notification:read",
          "summary": "Takes no arguments: send `{}`.",
          "payload": {
            "anyOf": [
              {
                "type": "object",
                "properties": {
                  "ids": {
                    "minItems": 1,
                    "maxItems": 200,
                    "type": "array",
                    "items": {
                      "type": "string",
                      "minLength": 8,
                      "maxLength": 64,
                      "pattern": "^[A-Za-z0-9_-]+$",
                      "x-parser-schema-id": "<anonymous-schema-718>"
                    },
                    "x-parser-schema-id": "<anonymous-schema-717>"
                  }
                },
                "required": [
                  "ids"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-716>"
              },
              {
                "type": "object",
                "properties": {
                  "upTo": {
                    "type": "string",
                    "minLength": 8,
                    "maxLength": 64,
                    "pattern": "^[A-Za-z0-9_-]+$",
                    "x-parser-schema-id": "<anonymous-schema-720>"
                  }
                },
                "required": [
                  "upTo"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-719>"
              }
            ],
            "x-parser-schema-id": "notification.read.payload"
          },
          "x-parser-unique-object-id": "notification.read"
        },
        "notification.read.ack": {
          "name": "notification:read",
          "title": "notification:read ack",
          "summary": "`notification:read`: what is unread now, and the time the notifications were read at.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-723>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "unread": {
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-724>"
                      },
                      "readAt": {
                        "type": "integer",
                        "description": "epoch milliseconds (server time)",
                        "x-parser-schema-id": "<anonymous-schema-725>"
                      }
                    },
                    "required": [
                      "unread",
                      "readAt"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "notification.read.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-722>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-727>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-726>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-721>"
          },
          "x-parser-unique-object-id": "notification.read.ack"
        },
        "notification.delete": {
          "name": "notification:delete",
          "title": "notification:delete",
          "summary": "`notification:delete`: remove these.",
          "payload": {
            "type": "object",
            "properties": {
              "ids": {
                "minItems": 1,
                "maxItems": 200,
                "type": "array",
                "items": {
                  "type": "string",
                  "minLength": 8,
                  "maxLength": 64,
                  "pattern": "^[A-Za-z0-9_-]+$",
                  "x-parser-schema-id": "<anonymous-schema-729>"
                },
                "x-parser-schema-id": "<anonymous-schema-728>"
              }
            },
            "required": [
              "ids"
            ],
            "x-parser-schema-id": "notification.delete.payload"
          },
          "x-parser-unique-object-id": "notification.delete"
        },
        "notification.delete.ack": {
          "name": "notification:delete",
          "title": "notification:delete ack",
          "summary": "`notification:delete`: what is unread now, and which of the ids were yours and are gone.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-732>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "unread": {
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-733>"
                      },
                      "deleted": {
                        "readOnly": true,
                        "type": "array",
                        "items": {
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-735>"
                        },
                        "x-parser-schema-id": "<anonymous-schema-734>"
                      }
                    },
                    "required": [
                      "unread",
                      "deleted"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "notification.delete.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-731>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-737>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-736>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-730>"
          },
          "x-parser-unique-object-id": "notification.delete.ack"
        },
        "notification.unread-count": {
          "name": "notification:unread-count",
          "title": "notification:unread-count",
          "summary": "Takes no arguments: send `{}`.",
          "payload": "$ref:$.channels.connection.messages.friends.list.payload",
          "x-parser-unique-object-id": "notification.unread-count"
        },
        "notification.unread-count.ack": {
          "name": "notification:unread-count",
          "title": "notification:unread-count ack",
          "summary": "`notification:unread-count`.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-740>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "unread": {
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-741>"
                      }
                    },
                    "required": [
                      "unread"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "notification.unread-count.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-739>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-743>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-742>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-738>"
          },
          "x-parser-unique-object-id": "notification.unread-count.ack"
        },
        "notification.preferences.get": {
          "name": "notification:preferences:get",
          "title": "notification:preferences:get",
          "summary": "Takes no arguments: send `{}`.",
          "payload": "$ref:$.channels.connection.messages.friends.list.payload",
          "x-parser-unique-object-id": "notification.preferences.get"
        },
        "notification.preferences.get.ack": {
          "name": "notification:preferences:get",
          "title": "notification:preferences:get ack",
          "summary": "A user's notification preferences.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-746>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "channels": {
                        "type": "object",
                        "properties": {
                          "hug": {
                            "type": "object",
                            "properties": {
                              "in_app": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-749>"
                              },
                              "push": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-750>"
                              },
                              "email": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-751>"
                              }
                            },
                            "required": [
                              "in_app",
                              "push",
                              "email"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-748>"
                          },
                          "hug-request": {
                            "type": "object",
                            "properties": {
                              "in_app": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-753>"
                              },
                              "push": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-754>"
                              },
                              "email": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-755>"
                              }
                            },
                            "required": [
                              "in_app",
                              "push",
                              "email"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-752>"
                          },
                          "hug-request-answer": {
                            "type": "object",
                            "properties": {
                              "in_app": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-757>"
                              },
                              "push": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-758>"
                              },
                              "email": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-759>"
                              }
                            },
                            "required": [
                              "in_app",
                              "push",
                              "email"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-756>"
                          },
                          "friend-request": {
                            "type": "object",
                            "properties": {
                              "in_app": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-761>"
                              },
                              "push": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-762>"
                              },
                              "email": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-763>"
                              }
                            },
                            "required": [
                              "in_app",
                              "push",
                              "email"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-760>"
                          },
                          "friend-accepted": {
                            "type": "object",
                            "properties": {
                              "in_app": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-765>"
                              },
                              "push": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-766>"
                              },
                              "email": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-767>"
                              }
                            },
                            "required": [
                              "in_app",
                              "push",
                              "email"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-764>"
                          },
                          "group-invite": {
                            "type": "object",
                            "properties": {
                              "in_app": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-769>"
                              },
                              "push": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-770>"
                              },
                              "email": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-771>"
                              }
                            },
                            "required": [
                              "in_app",
                              "push",
                              "email"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-768>"
                          },
                          "group-starting": {
                            "type": "object",
                            "properties": {
                              "in_app": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-773>"
                              },
                              "push": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-774>"
                              },
                              "email": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-775>"
                              }
                            },
                            "required": [
                              "in_app",
                              "push",
                              "email"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-772>"
                          },
                          "streak-milestone": {
                            "type": "object",
                            "properties": {
                              "in_app": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-777>"
                              },
                              "push": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-778>"
                              },
                              "email": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-779>"
                              }
                            },
                            "required": [
                              "in_app",
                              "push",
                              "email"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-776>"
                          },
                          "friend-mood": {
                            "type": "object",
                            "properties": {
                              "in_app": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-781>"
                              },
                              "push": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-782>"
                              },
                              "email": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-783>"
                              }
                            },
                            "required": [
                              "in_app",
                              "push",
                              "email"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-780>"
                          },
                          "mood-reminder": {
                            "type": "object",
                            "properties": {
                              "in_app": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-785>"
                              },
                              "push": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-786>"
                              },
                              "email": {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-787>"
                              }
                            },
                            "required": [
                              "in_app",
                              "push",
                              "email"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-784>"
                          }
                        },
                        "required": [
                          "hug",
                          "hug-request",
                          "hug-request-answer",
                          "friend-request",
                          "friend-accepted",
                          "group-invite",
                          "group-starting",
                          "streak-milestone",
                          "friend-mood",
                          "mood-reminder"
                        ],
                        "additionalProperties": false,
                        "x-parser-schema-id": "<anonymous-schema-747>"
                      },
                      "quietHours": {
                        "anyOf": [
                          {
                            "type": "object",
                            "properties": {
                              "start": {
                                "type": "string",
                                "description": "HH:MM",
                                "x-parser-schema-id": "<anonymous-schema-790>"
                              },
                              "end": {
                                "type": "string",
                                "description": "HH:MM",
                                "x-parser-schema-id": "<anonymous-schema-791>"
                              },
                              "timeZone": {
                                "type": "string",
                                "x-parser-schema-id": "<anonymous-schema-792>"
                              }
                            },
                            "required": [
                              "start",
                              "end",
                              "timeZone"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-789>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-793>"
                          }
                        ],
                        "x-parser-schema-id": "<anonymous-schema-788>"
                      },
                      "mutedUserIds": {
                        "readOnly": true,
                        "type": "array",
                        "items": {
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-795>"
                        },
                        "x-parser-schema-id": "<anonymous-schema-794>"
                      },
                      "closeUserIds": {
                        "readOnly": true,
                        "type": "array",
                        "items": {
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-797>"
                        },
                        "x-parser-schema-id": "<anonymous-schema-796>"
                      },
                      "previews": {
                        "type": "boolean",
                        "x-parser-schema-id": "<anonymous-schema-798>"
                      },
                      "pushWhileConnected": {
                        "type": "boolean",
                        "x-parser-schema-id": "<anonymous-schema-799>"
                      },
                      "dailyReminder": {
                        "anyOf": [
                          {
                            "type": "object",
                            "properties": {
                              "time": {
                                "type": "string",
                                "description": "HH:MM",
                                "x-parser-schema-id": "<anonymous-schema-802>"
                              },
                              "timeZone": {
                                "type": "string",
                                "x-parser-schema-id": "<anonymous-schema-803>"
                              }
                            },
                            "required": [
                              "time",
                              "timeZone"
                            ],
                            "additionalProperties": false,
                            "x-parser-schema-id": "<anonymous-schema-801>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-804>"
                          }
                        ],
                        "x-parser-schema-id": "<anonymous-schema-800>"
                      }
                    },
                    "required": [
                      "channels",
                      "quietHours",
                      "mutedUserIds",
                      "closeUserIds",
                      "previews",
                      "pushWhileConnected",
                      "dailyReminder"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "NotificationPreferences"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-745>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-806>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-805>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-744>"
          },
          "x-parser-unique-object-id": "notification.preferences.get.ack"
        },
        "notification.preferences.update": {
          "name": "notification:preferences:update",
          "title": "notification:preferences:update",
          "summary": "`notification:preferences:update`: change some preferences (channels per type and channel; the rest replaced as given).",
          "payload": {
            "type": "object",
            "properties": {
              "channels": {
                "type": "object",
                "propertyNames": {
                  "type": "string",
                  "enum": [
                    "hug",
                    "hug-request",
                    "hug-request-answer",
                    "friend-request",
                    "friend-accepted",
                    "group-invite",
                    "group-starting",
                    "streak-milestone",
                    "friend-mood",
                    "mood-reminder"
                  ],
                  "x-parser-schema-id": "<anonymous-schema-811>"
                },
                "additionalProperties": {
                  "type": "object",
                  "propertyNames": {
                    "type": "string",
                    "enum": [
                      "in_app",
                      "push",
                      "email"
                    ],
                    "x-parser-schema-id": "<anonymous-schema-810>"
                  },
                  "additionalProperties": {
                    "type": "boolean",
                    "x-parser-schema-id": "<anonymous-schema-809>"
                  },
                  "x-parser-schema-id": "<anonymous-schema-808>"
                },
                "x-parser-schema-id": "<anonymous-schema-807>"
              },
              "quietHours": {
                "anyOf": [
                  {
                    "type": "object",
                    "properties": {
                      "start": {
                        "type": "string",
                        "pattern": "^([01]\\d|2[0-3]):[0-5]\\d$",
                        "x-parser-schema-id": "<anonymous-schema-814>"
                      },
                      "end": {
                        "type": "string",
                        "pattern": "^([01]\\d|2[0-3]):[0-5]\\d$",
                        "x-parser-schema-id": "<anonymous-schema-815>"
                      },
                      "timeZone": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-816>"
                      }
                    },
                    "required": [
                      "start",
                      "end",
                      "timeZone"
                    ],
                    "x-parser-schema-id": "<anonymous-schema-813>"
                  },
                  {
                    "type": "null",
                    "x-parser-schema-id": "<anonymous-schema-817>"
                  }
                ],
                "x-parser-schema-id": "<anonymous-schema-812>"
              },
              "mutedUserIds": {
                "maxItems": 1000,
                "type": "array",
                "items": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 128,
                  "pattern": "^[A-Za-z0-9_.:|@-]+$",
                  "x-parser-schema-id": "<anonymous-schema-819>"
                },
                "x-parser-schema-id": "<anonymous-schema-818>"
              },
              "closeUserIds": {
                "maxItems": 1000,
                "type": "array",
                "items": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 128,
                  "pattern": "^[A-Za-z0-9_.:|@-]+$",
                  "x-parser-schema-id": "<anonymous-schema-821>"
                },
                "x-parser-schema-id": "<anonymous-schema-820>"
              },
              "previews": {
                "type": "boolean",
                "x-parser-schema-id": "<anonymous-schema-822>"
              },
              "pushWhileConnected": {
                "type": "boolean",
                "x-parser-schema-id": "<anonymous-schema-823>"
              },
              "dailyReminder": {
                "anyOf": [
                  {
                    "type": "object",
                    "properties": {
                      "time": {
                        "type": "string",
                        "pattern": "^([01]\\d|2[0-3]):[0-5]\\d$",
                        "x-parser-schema-id": "<anonymous-schema-826>"
                      },
                      "timeZone": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-827>"
                      }
                    },
                    "required": [
                      "time",
                      "timeZone"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "<anonymous-schema-825>"
                  },
                  {
                    "type": "null",
                    "x-parser-schema-id": "<anonymous-schema-828>"
                  }
                ],
                "x-parser-schema-id": "<anonymous-schema-824>"
              }
            },
            "additionalProperties": false,
            "x-parser-schema-id": "notification.preferences.update.payload"
          },
          "x-parser-unique-object-id": "notification.preferences.update"
        },
        "notification.preferences.update.ack": {
          "name": "notification:preferences:update",
          "title": "notification:preferences:update ack",
          "summary": "The preferences as they are now.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-831>"
                  },
                  "data": "$ref:$.channels.connection.messages.notification.preferences.get.ack.payload.oneOf[0].properties.data"
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-830>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-833>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-832>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-829>"
          },
          "x-parser-unique-object-id": "notification.preferences.update.ack"
        },
        "device.register": {
          "name": "device:register",
          "title": "device:register",
          "summary": "Takes no arguments: send `{}`.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "platform": {
                    "type": "string",
                    "const": "web",
                    "x-parser-schema-id": "<anonymous-schema-835>"
                  },
                  "push": {
                    "type": "object",
                    "properties": {
                      "endpoint": {
                        "type": "string",
                        "maxLength": 1024,
                        "x-parser-schema-id": "<anonymous-schema-837>"
                      },
                      "keys": {
                        "type": "object",
                        "properties": {
                          "p256dh": {
                            "type": "string",
                            "minLength": 80,
                            "maxLength": 100,
                            "pattern": "^[A-Za-z0-9_-]+$",
                            "x-parser-schema-id": "<anonymous-schema-839>"
                          },
                          "auth": {
                            "type": "string",
                            "minLength": 16,
                            "maxLength": 32,
                            "pattern": "^[A-Za-z0-9_-]+$",
                            "x-parser-schema-id": "<anonymous-schema-840>"
                          }
                        },
                        "required": [
                          "p256dh",
                          "auth"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-838>"
                      }
                    },
                    "required": [
                      "endpoint",
                      "keys"
                    ],
                    "x-parser-schema-id": "<anonymous-schema-836>"
                  }
                },
                "required": [
                  "platform",
                  "push"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-834>"
              },
              {
                "type": "object",
                "properties": {
                  "platform": {
                    "type": "string",
                    "enum": [
                      "android",
                      "ios"
                    ],
                    "x-parser-schema-id": "<anonymous-schema-842>"
                  },
                  "push": {
                    "type": "object",
                    "properties": {
                      "token": {
                        "type": "string",
                        "minLength": 8,
                        "maxLength": 4096,
                        "pattern": "^[A-Za-z0-9:_.-]+$",
                        "x-parser-schema-id": "<anonymous-schema-844>"
                      }
                    },
                    "required": [
                      "token"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "<anonymous-schema-843>"
                  }
                },
                "required": [
                  "platform",
                  "push"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-841>"
              }
            ],
            "x-parser-schema-id": "device.register.payload"
          },
          "x-parser-unique-object-id": "device.register"
        },
        "device.register.ack": {
          "name": "device:register",
          "title": "device:register ack",
          "summary": "`device:register`: the device registered, and how many of yours are.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-847>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "deviceId": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-848>"
                      },
                      "platform": {
                        "type": "string",
                        "enum": [
                          "web",
                          "android",
                          "ios"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-849>"
                      },
                      "devices": {
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-850>"
                      }
                    },
                    "required": [
                      "deviceId",
                      "platform",
                      "devices"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "device.register.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-846>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-852>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-851>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-845>"
          },
          "x-parser-unique-object-id": "device.register.ack"
        },
        "device.unregister": {
          "name": "device:unregister",
          "title": "device:unregister",
          "summary": "Takes no arguments: send `{}`.",
          "payload": "$ref:$.channels.connection.messages.friends.list.payload",
          "x-parser-unique-object-id": "device.unregister"
        },
        "device.unregister.ack": {
          "name": "device:unregister",
          "title": "device:unregister ack",
          "summary": "`device:unregister`: whether this device was registered.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-855>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "deviceId": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-856>"
                      },
                      "removed": {
                        "type": "boolean",
                        "x-parser-schema-id": "<anonymous-schema-857>"
                      }
                    },
                    "required": [
                      "deviceId",
                      "removed"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "device.unregister.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-854>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-859>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-858>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-853>"
          },
          "x-parser-unique-object-id": "device.unregister.ack"
        },
        "feed.get": {
          "name": "feed:get",
          "title": "feed:get",
          "summary": "`feed:get`: your friends' activity, newest first, a page at a time; your connection then hears `feed:new`.",
          "payload": {
            "type": "object",
            "properties": {
              "before": {
                "type": "string",
                "maxLength": 128,
                "x-parser-schema-id": "<anonymous-schema-860>"
              },
              "limit": {
                "default": 20,
                "type": "integer",
                "minimum": 1,
                "maximum": 50,
                "x-parser-schema-id": "<anonymous-schema-861>"
              }
            },
            "x-parser-schema-id": "feed.get.payload"
          },
          "x-parser-unique-object-id": "feed.get"
        },
        "feed.get.ack": {
          "name": "feed:get",
          "title": "feed:get ack",
          "summary": "A page of your friends' activity; your connection now hears `feed:new`.",
          "payload": {
            "oneOf": [
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": true,
                    "x-parser-schema-id": "<anonymous-schema-864>"
                  },
                  "data": {
                    "type": "object",
                    "properties": {
                      "items": {
                        "readOnly": true,
                        "type": "array",
                        "items": {
                          "oneOf": [
                            {
                              "type": "object",
                              "properties": {
                                "id": {
                                  "type": "string",
                                  "x-parser-schema-id": "<anonymous-schema-867>"
                                },
                                "userId": {
                                  "type": "string",
                                  "x-parser-schema-id": "<anonymous-schema-868>"
                                },
                                "createdAt": {
                                  "type": "integer",
                                  "description": "epoch milliseconds (server time)",
                                  "x-parser-schema-id": "<anonymous-schema-869>"
                                },
                                "type": {
                                  "type": "string",
                                  "const": "mood",
                                  "x-parser-schema-id": "<anonymous-schema-870>"
                                },
                                "mood": "$ref:$.channels.connection.messages.mood.update.ack.payload.oneOf[0].properties.data"
                              },
                              "required": [
                                "id",
                                "userId",
                                "createdAt",
                                "type",
                                "mood"
                              ],
                              "additionalProperties": false,
                              "x-parser-schema-id": "<anonymous-schema-866>"
                            },
                            {
                              "type": "object",
                              "properties": {
                                "id": {
                                  "type": "string",
                                  "x-parser-schema-id": "<anonymous-schema-872>"
                                },
                                "userId": {
                                  "type": "string",
                                  "x-parser-schema-id": "<anonymous-schema-873>"
                                },
                                "createdAt": {
                                  "type": "integer",
                                  "description": "epoch milliseconds (server time)",
                                  "x-parser-schema-id": "<anonymous-schema-874>"
                                },
                                "type": {
                                  "type": "string",
                                  "const": "streak-milestone",
                                  "x-parser-schema-id": "<anonymous-schema-875>"
                                },
                                "days": {
                                  "type": "integer",
                                  "x-parser-schema-id": "<anonymous-schema-876>"
                                }
                              },
                              "required": [
                                "id",
                                "userId",
                                "createdAt",
                                "type",
                                "days"
                              ],
                              "additionalProperties": false,
                              "x-parser-schema-id": "<anonymous-schema-871>"
                            },
                            {
                              "type": "object",
                              "properties": {
                                "id": {
                                  "type": "string",
                                  "x-parser-schema-id": "<anonymous-schema-878>"
                                },
                                "userId": {
                                  "type": "string",
                                  "x-parser-schema-id": "<anonymous-schema-879>"
                                },
                                "createdAt": {
                                  "type": "integer",
                                  "description": "epoch milliseconds (server time)",
                                  "x-parser-schema-id": "<anonymous-schema-880>"
                                },
                                "type": {
                                  "type": "string",
                                  "const": "group-hug",
                                  "x-parser-schema-id": "<anonymous-schema-881>"
                                },
                                "groupId": {
                                  "type": "string",
                                  "x-parser-schema-id": "<anonymous-schema-882>"
                                },
                                "title": {
                                  "type": "string",
                                  "x-parser-schema-id": "<anonymous-schema-883>"
                                },
                                "participantCount": {
                                  "type": "integer",
                                  "x-parser-schema-id": "<anonymous-schema-884>"
                                }
                              },
                              "required": [
                                "id",
                                "userId",
                                "createdAt",
                                "type",
                                "groupId",
                                "title",
                                "participantCount"
                              ],
                              "additionalProperties": false,
                              "x-parser-schema-id": "<anonymous-schema-877>"
                            },
                            {
                              "type": "object",
                              "properties": {
                                "id": {
                                  "type": "string",
                                  "x-parser-schema-id": "<anonymous-schema-886>"
                                },
                                "userId": {
                                  "type": "string",
                                  "x-parser-schema-id": "<anonymous-schema-887>"
                                },
                                "createdAt": {
                                  "type": "integer",
                                  "description": "epoch milliseconds (server time)",
                                  "x-parser-schema-id": "<anonymous-schema-888>"
                                },
                                "type": {
                                  "type": "string",
                                  "const": "friendship",
                                  "x-parser-schema-id": "<anonymous-schema-889>"
                                },
                                "friendId": {
                                  "type": "string",
                                  "x-parser-schema-id": "<anonymous-schema-890>"
                                }
                              },
                              "required": [
                                "id",
                                "userId",
                                "createdAt",
                                "type",
                                "friendId"
                              ],
                              "additionalProperties": false,
                              "x-parser-schema-id": "<anonymous-schema-885>"
                            }
                          ],
                          "x-parser-schema-id": "FeedItem"
                        },
                        "x-parser-schema-id": "<anonymous-schema-865>"
                      },
                      "next": {
                        "type": [
                          "string",
                          "null"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-891>"
                      }
                    },
                    "required": [
                      "items",
                      "next"
                    ],
                    "additionalProperties": false,
                    "x-parser-schema-id": "feed.get.result"
                  }
                },
                "required": [
                  "ok",
                  "data"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-863>"
              },
              {
                "type": "object",
                "properties": {
                  "ok": {
                    "const": false,
                    "x-parser-schema-id": "<anonymous-schema-893>"
                  },
                  "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
                },
                "required": [
                  "ok",
                  "error"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-892>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-862>"
          },
          "x-parser-unique-object-id": "feed.get.ack"
        },
        "presence.update.event": {
          "name": "presence:update",
          "title": "presence:update",
          "summary": "Sent to watchers of a user (room `presence:{userId}:*`) when that user's presence changes.",
          "payload": {
            "type": "object",
            "properties": {
              "userId": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-894>"
              },
              "status": {
                "type": "string",
                "enum": [
                  "online",
                  "away",
                  "offline",
                  "hidden"
                ],
                "x-parser-schema-id": "<anonymous-schema-895>"
              },
              "lastSeenAt": {
                "anyOf": [
                  {
                    "type": "integer",
                    "description": "epoch milliseconds (server time)",
                    "x-parser-schema-id": "<anonymous-schema-897>"
                  },
                  {
                    "type": "null",
                    "x-parser-schema-id": "<anonymous-schema-898>"
                  }
                ],
                "x-parser-schema-id": "<anonymous-schema-896>"
              },
              "activity": {
                "type": [
                  "string",
                  "null"
                ],
                "x-parser-schema-id": "<anonymous-schema-899>"
              },
              "devices": {
                "readOnly": true,
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "kind": {
                      "type": "string",
                      "enum": [
                        "web",
                        "ios",
                        "android",
                        "desktop",
                        "server",
                        "unknown"
                      ],
                      "x-parser-schema-id": "<anonymous-schema-902>"
                    },
                    "status": {
                      "type": "string",
                      "enum": [
                        "active",
                        "away"
                      ],
                      "x-parser-schema-id": "<anonymous-schema-903>"
                    },
                    "since": {
                      "type": "integer",
                      "description": "epoch milliseconds (server time)",
                      "x-parser-schema-id": "<anonymous-schema-904>"
                    }
                  },
                  "required": [
                    "kind",
                    "status",
                    "since"
                  ],
                  "additionalProperties": false,
                  "x-parser-schema-id": "<anonymous-schema-901>"
                },
                "x-parser-schema-id": "<anonymous-schema-900>"
              },
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-905>"
              }
            },
            "required": [
              "userId",
              "status",
              "lastSeenAt",
              "activity",
              "devices",
              "at"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "presence.update.event"
          },
          "x-parser-unique-object-id": "presence.update.event"
        },
        "presence.revoked.event": {
          "name": "presence:revoked",
          "title": "presence:revoked",
          "summary": "Sent to a watcher whose right to watch `userId` ended (unfriend, block, or the user stopped sharing their status publicly). The watcher has been removed from the user's room; the SDK watches again, and the server decides afresh.",
          "payload": {
            "type": "object",
            "properties": {
              "userId": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-906>"
              },
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-907>"
              }
            },
            "required": [
              "userId",
              "at"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "presence.revoked.event"
          },
          "x-parser-unique-object-id": "presence.revoked.event"
        },
        "friend.update.event": {
          "name": "friend:update",
          "title": "friend:update",
          "summary": "Sent to both parties when a friendship changes; `state` is from the receiver's side.",
          "payload": {
            "type": "object",
            "properties": {
              "userId": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-908>"
              },
              "state": "$ref:$.channels.connection.messages.friend.request.ack.payload.oneOf[0].properties.data.properties.state",
              "profile": "$ref:$.channels.connection.messages.friends.list.ack.payload.oneOf[0].properties.data.properties.friends.items.properties.profile",
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-909>"
              }
            },
            "required": [
              "userId",
              "state",
              "profile",
              "at"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "friend.update.event"
          },
          "x-parser-unique-object-id": "friend.update.event"
        },
        "profile.updated.event": {
          "name": "profile:updated",
          "title": "profile:updated",
          "summary": "Sent to a user's friends and their own devices when their profile changes.",
          "payload": {
            "type": "object",
            "properties": {
              "profile": "$ref:$.channels.connection.messages.friends.list.ack.payload.oneOf[0].properties.data.properties.friends.items.properties.profile",
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-910>"
              }
            },
            "required": [
              "profile",
              "at"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "profile.updated.event"
          },
          "x-parser-unique-object-id": "profile.updated.event"
        },
        "privacy.updated.event": {
          "name": "privacy:updated",
          "title": "privacy:updated",
          "summary": "Sent to a user's own devices when their privacy settings change.",
          "payload": {
            "type": "object",
            "properties": {
              "privacy": "$ref:$.channels.connection.messages.privacy.get.ack.payload.oneOf[0].properties.data",
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-911>"
              }
            },
            "required": [
              "privacy",
              "at"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "privacy.updated.event"
          },
          "x-parser-unique-object-id": "privacy.updated.event"
        },
        "auth.expiring.event": {
          "name": "auth:expiring",
          "title": "auth:expiring",
          "summary": "Sent to one socket shortly before its access token expires. Answer with `auth:refresh`.",
          "payload": {
            "type": "object",
            "properties": {
              "expiresAt": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-912>"
              },
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-913>"
              }
            },
            "required": [
              "expiresAt",
              "at"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "auth.expiring.event"
          },
          "x-parser-unique-object-id": "auth.expiring.event"
        },
        "session.ended.event": {
          "name": "session:ended",
          "title": "session:ended",
          "summary": "Sent to one socket right before the server disconnects it.",
          "payload": {
            "type": "object",
            "properties": {
              "reason": {
                "type": "string",
                "enum": [
                  "token_expired",
                  "server_shutdown",
                  "rate_limited",
                  "account_deleted"
                ],
                "x-parser-schema-id": "<anonymous-schema-914>"
              },
              "retryAfterMs": {
                "type": "integer",
                "x-parser-schema-id": "<anonymous-schema-915>"
              },
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-916>"
              }
            },
            "required": [
              "reason",
              "at"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "session.ended.event"
          },
          "x-parser-unique-object-id": "session.ended.event"
        },
        "command.rejected.event": {
          "name": "command:rejected",
          "title": "command:rejected",
          "summary": "Sent when a client emits an event without an ack that the server refused (unknown, malformed).",
          "payload": {
            "type": "object",
            "properties": {
              "event": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-917>"
              },
              "error": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error",
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-918>"
              }
            },
            "required": [
              "event",
              "error",
              "at"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "command.rejected.event"
          },
          "x-parser-unique-object-id": "command.rejected.event"
        },
        "hug.received.event": {
          "name": "hug:received",
          "title": "hug:received",
          "summary": "To room `user:{to}`: a hug arrived. Acknowledge it with `hug:ack`.",
          "payload": {
            "type": "object",
            "properties": {
              "cursor": {
                "type": "integer",
                "description": "position in the inbox: sync after the last one you saw",
                "x-parser-schema-id": "<anonymous-schema-919>"
              },
              "id": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-920>"
              },
              "createdAt": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-921>"
              },
              "type": {
                "type": "string",
                "const": "hug",
                "x-parser-schema-id": "<anonymous-schema-922>"
              },
              "hug": "$ref:$.channels.connection.messages.hug.history.ack.payload.oneOf[0].properties.data.properties.hugs.items",
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-923>"
              }
            },
            "required": [
              "cursor",
              "id",
              "createdAt",
              "type",
              "hug",
              "at"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "hug.received.event"
          },
          "x-parser-unique-object-id": "hug.received.event"
        },
        "hug.delivered.event": {
          "name": "hug:delivered",
          "title": "hug:delivered",
          "summary": "To room `user:{from}`: a device of the recipient got the hug.",
          "payload": {
            "type": "object",
            "properties": {
              "hugId": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-924>"
              },
              "to": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-925>"
              },
              "deliveredAt": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-926>"
              },
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-927>"
              }
            },
            "required": [
              "hugId",
              "to",
              "deliveredAt",
              "at"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "hug.delivered.event"
          },
          "x-parser-unique-object-id": "hug.delivered.event"
        },
        "hug.read-receipt.event": {
          "name": "hug:read-receipt",
          "title": "hug:read-receipt",
          "summary": "To room `user:{from}`: the recipient read the hug.",
          "payload": {
            "type": "object",
            "properties": {
              "cursor": {
                "type": "integer",
                "description": "position in the inbox: sync after the last one you saw",
                "x-parser-schema-id": "<anonymous-schema-928>"
              },
              "id": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-929>"
              },
              "createdAt": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-930>"
              },
              "type": {
                "type": "string",
                "const": "read-receipt",
                "x-parser-schema-id": "<anonymous-schema-931>"
              },
              "receipt": {
                "type": "object",
                "properties": {
                  "hugId": {
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-933>"
                  },
                  "by": {
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-934>"
                  },
                  "readAt": {
                    "type": "integer",
                    "description": "epoch milliseconds (server time)",
                    "x-parser-schema-id": "<anonymous-schema-935>"
                  }
                },
                "required": [
                  "hugId",
                  "by",
                  "readAt"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-932>"
              },
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-936>"
              }
            },
            "required": [
              "cursor",
              "id",
              "createdAt",
              "type",
              "receipt",
              "at"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "hug.read-receipt.event"
          },
          "x-parser-unique-object-id": "hug.read-receipt.event"
        },
        "hug.read-state.event": {
          "name": "hug:read-state",
          "title": "hug:read-state",
          "summary": "To room `user:{to}`: another device of yours marked a hug read.",
          "payload": {
            "type": "object",
            "properties": {
              "hugId": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-937>"
              },
              "readAt": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-938>"
              },
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-939>"
              }
            },
            "required": [
              "hugId",
              "readAt",
              "at"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "hug.read-state.event"
          },
          "x-parser-unique-object-id": "hug.read-state.event"
        },
        "hug.request.received.event": {
          "name": "hug:request:received",
          "title": "hug:request:received",
          "summary": "To room `user:{to}`: someone asks you for a hug.",
          "payload": {
            "type": "object",
            "properties": {
              "cursor": {
                "type": "integer",
                "description": "position in the inbox: sync after the last one you saw",
                "x-parser-schema-id": "<anonymous-schema-940>"
              },
              "id": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-941>"
              },
              "createdAt": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-942>"
              },
              "type": {
                "type": "string",
                "const": "hug-request",
                "x-parser-schema-id": "<anonymous-schema-943>"
              },
              "request": "$ref:$.channels.connection.messages.hug.request.pending.ack.payload.oneOf[0].properties.data.properties.requests.items",
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-944>"
              }
            },
            "required": [
              "cursor",
              "id",
              "createdAt",
              "type",
              "request",
              "at"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "hug.request.received.event"
          },
          "x-parser-unique-object-id": "hug.request.received.event"
        },
        "hug.request.answered.event": {
          "name": "hug:request:answered",
          "title": "hug:request:answered",
          "summary": "To room `user:{from}`: your hug request was answered.",
          "payload": {
            "type": "object",
            "properties": {
              "cursor": {
                "type": "integer",
                "description": "position in the inbox: sync after the last one you saw",
                "x-parser-schema-id": "<anonymous-schema-945>"
              },
              "id": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-946>"
              },
              "createdAt": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-947>"
              },
              "type": {
                "type": "string",
                "const": "hug-request-answer",
                "x-parser-schema-id": "<anonymous-schema-948>"
              },
              "answer": {
                "type": "object",
                "properties": {
                  "requestId": {
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-950>"
                  },
                  "by": {
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-951>"
                  },
                  "accepted": {
                    "type": "boolean",
                    "x-parser-schema-id": "<anonymous-schema-952>"
                  },
                  "hugId": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "x-parser-schema-id": "<anonymous-schema-953>"
                  }
                },
                "required": [
                  "requestId",
                  "by",
                  "accepted",
                  "hugId"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-949>"
              },
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-954>"
              }
            },
            "required": [
              "cursor",
              "id",
              "createdAt",
              "type",
              "answer",
              "at"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "hug.request.answered.event"
          },
          "x-parser-unique-object-id": "hug.request.answered.event"
        },
        "group.invited.event": {
          "name": "group:invited",
          "title": "group:invited",
          "summary": "To room `user:{invitee}`: you are invited to a group hug (also in your inbox).",
          "payload": {
            "type": "object",
            "properties": {
              "cursor": {
                "type": "integer",
                "description": "position in the inbox: sync after the last one you saw",
                "x-parser-schema-id": "<anonymous-schema-955>"
              },
              "id": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-956>"
              },
              "createdAt": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-957>"
              },
              "type": {
                "type": "string",
                "const": "group-invite",
                "x-parser-schema-id": "<anonymous-schema-958>"
              },
              "invite": {
                "type": "object",
                "properties": {
                  "groupId": {
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-960>"
                  },
                  "title": {
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-961>"
                  },
                  "from": {
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-962>"
                  }
                },
                "required": [
                  "groupId",
                  "title",
                  "from"
                ],
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-959>"
              },
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-963>"
              }
            },
            "required": [
              "cursor",
              "id",
              "createdAt",
              "type",
              "invite",
              "at"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "group.invited.event"
          },
          "x-parser-unique-object-id": "group.invited.event"
        },
        "group.state.event": {
          "name": "group:state",
          "title": "group:state",
          "summary": "To room `group:{id}`: the changes to a group hug from version `fromVersion` to `version` (one command, or a batch of them). Apply a diff whose `fromVersion` is your version; skip older ones; on a gap, fetch the snapshot (`group:get`).",
          "payload": {
            "type": "object",
            "properties": {
              "version": {
                "type": "integer",
                "x-parser-schema-id": "<anonymous-schema-964>"
              },
              "phase": {
                "allOf": [
                  "$ref:$.channels.connection.messages.group.create.ack.payload.oneOf[0].properties.data.properties.phase"
                ],
                "x-parser-schema-id": "<anonymous-schema-965>"
              },
              "startsAt": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-966>"
              },
              "endedAt": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-967>"
              },
              "cancelReason": {
                "type": "string",
                "enum": [
                  "creator",
                  "empty"
                ],
                "x-parser-schema-id": "<anonymous-schema-968>"
              },
              "participantCount": {
                "type": "integer",
                "x-parser-schema-id": "<anonymous-schema-969>"
              },
              "joined": {
                "readOnly": true,
                "type": "array",
                "items": {
                  "type": "string",
                  "x-parser-schema-id": "<anonymous-schema-971>"
                },
                "x-parser-schema-id": "<anonymous-schema-970>"
              },
              "left": {
                "readOnly": true,
                "type": "array",
                "items": {
                  "type": "string",
                  "x-parser-schema-id": "<anonymous-schema-973>"
                },
                "x-parser-schema-id": "<anonymous-schema-972>"
              },
              "invited": {
                "readOnly": true,
                "type": "array",
                "items": {
                  "type": "string",
                  "x-parser-schema-id": "<anonymous-schema-975>"
                },
                "x-parser-schema-id": "<anonymous-schema-974>"
              },
              "declined": {
                "readOnly": true,
                "type": "array",
                "items": {
                  "type": "string",
                  "x-parser-schema-id": "<anonymous-schema-977>"
                },
                "x-parser-schema-id": "<anonymous-schema-976>"
              },
              "groupId": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-978>"
              },
              "fromVersion": {
                "type": "integer",
                "description": "apply only on top of this version; otherwise fetch group:get",
                "x-parser-schema-id": "<anonymous-schema-979>"
              },
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-980>"
              }
            },
            "required": [
              "version",
              "groupId",
              "fromVersion",
              "at"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "group.state.event"
          },
          "x-parser-unique-object-id": "group.state.event"
        },
        "group.pulse.event": {
          "name": "group:pulse",
          "title": "group:pulse",
          "summary": "To room `group:{id}` while live, at most 10 times a second: the group's shared squeeze.",
          "payload": {
            "type": "object",
            "properties": {
              "groupId": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-981>"
              },
              "warmth": {
                "type": "number",
                "description": "0..1, smoothed",
                "x-parser-schema-id": "<anonymous-schema-982>"
              },
              "participantsSqueezing": {
                "type": "integer",
                "x-parser-schema-id": "<anonymous-schema-983>"
              },
              "t": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-984>"
              },
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-985>"
              }
            },
            "required": [
              "groupId",
              "warmth",
              "participantsSqueezing",
              "t",
              "at"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "group.pulse.event"
          },
          "x-parser-unique-object-id": "group.pulse.event"
        },
        "group.complete.event": {
          "name": "group:complete",
          "title": "group:complete",
          "summary": "To room `group:{id}` when the live part ended: what everyone did together.",
          "payload": {
            "type": "object",
            "properties": {
              "groupId": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-986>"
              },
              "summary": "$ref:$.channels.connection.messages.group.history.ack.payload.oneOf[0].properties.data.properties.summaries.items",
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-987>"
              }
            },
            "required": [
              "groupId",
              "summary",
              "at"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "group.complete.event"
          },
          "x-parser-unique-object-id": "group.complete.event"
        },
        "mood.friend-update.event": {
          "name": "mood:friend-update",
          "title": "mood:friend-update",
          "summary": "To the friends listening to a user's moods (room `mood:{userId}`, joined by `mood:friends`): a mood they recorded or changed that friends may see. `streak` is the author's streak after a record (null after a change, which leaves it as it was). An entry whose change made it invisible to friends comes as `mood:friend-removed` instead.",
          "payload": {
            "type": "object",
            "properties": {
              "userId": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-988>"
              },
              "entry": "$ref:$.channels.connection.messages.mood.update.ack.payload.oneOf[0].properties.data",
              "streak": {
                "anyOf": [
                  "$ref:$.channels.connection.messages.mood.record.ack.payload.oneOf[0].properties.data.properties.streak",
                  {
                    "type": "null",
                    "x-parser-schema-id": "<anonymous-schema-990>"
                  }
                ],
                "x-parser-schema-id": "<anonymous-schema-989>"
              },
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-991>"
              }
            },
            "required": [
              "userId",
              "entry",
              "streak",
              "at"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "mood.friend-update.event"
          },
          "x-parser-unique-object-id": "mood.friend-update.event"
        },
        "mood.friend-removed.event": {
          "name": "mood:friend-removed",
          "title": "mood:friend-removed",
          "summary": "To the friends listening to a user's moods: one of their moods was deleted (`streak` is the streak rebuilt without it), or no longer shows to friends (`streak` null: unchanged).",
          "payload": {
            "type": "object",
            "properties": {
              "userId": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-992>"
              },
              "moodId": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-993>"
              },
              "streak": {
                "anyOf": [
                  "$ref:$.channels.connection.messages.mood.record.ack.payload.oneOf[0].properties.data.properties.streak",
                  {
                    "type": "null",
                    "x-parser-schema-id": "<anonymous-schema-995>"
                  }
                ],
                "x-parser-schema-id": "<anonymous-schema-994>"
              },
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-996>"
              }
            },
            "required": [
              "userId",
              "moodId",
              "streak",
              "at"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "mood.friend-removed.event"
          },
          "x-parser-unique-object-id": "mood.friend-removed.event"
        },
        "mood.friend-hidden.event": {
          "name": "mood:friend-hidden",
          "title": "mood:friend-hidden",
          "summary": "To the friends listening to a user's moods, or to one listener: none of that user's moods show to you any more (they share moods with no one now, you are no longer friends, or a block). Forget what you hold of them; a `mood:friend-update` follows if they show again.",
          "payload": {
            "type": "object",
            "properties": {
              "userId": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-997>"
              },
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-998>"
              }
            },
            "required": [
              "userId",
              "at"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "mood.friend-hidden.event"
          },
          "x-parser-unique-object-id": "mood.friend-hidden.event"
        },
        "notification.new.event": {
          "name": "notification:new",
          "title": "notification:new",
          "summary": "To your devices (room `user:{you}`): a new notification, and how many of yours are unread with it. It is an inbox entry too: one missed while offline comes through `inbox:sync`.",
          "payload": {
            "type": "object",
            "properties": {
              "cursor": {
                "type": "integer",
                "description": "position in the inbox: sync after the last one you saw",
                "x-parser-schema-id": "<anonymous-schema-999>"
              },
              "id": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-1000>"
              },
              "createdAt": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-1001>"
              },
              "type": {
                "type": "string",
                "const": "notification",
                "x-parser-schema-id": "<anonymous-schema-1002>"
              },
              "notification": "$ref:$.channels.connection.messages.inbox.sync.ack.payload.oneOf[0].properties.data.properties.entries.items.oneOf[5].properties.notification",
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-1003>"
              },
              "unread": {
                "type": "integer",
                "x-parser-schema-id": "<anonymous-schema-1004>"
              }
            },
            "required": [
              "cursor",
              "id",
              "createdAt",
              "type",
              "notification",
              "at",
              "unread"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "notification.new.event"
          },
          "x-parser-unique-object-id": "notification.new.event"
        },
        "notification.read-state.event": {
          "name": "notification:read-state",
          "title": "notification:read-state",
          "summary": "To your devices: notifications were read or deleted (on one of them), and how many are unread now. `unread` was counted at `at`: keep the value of the latest `at` you heard.",
          "payload": {
            "type": "object",
            "properties": {
              "unread": {
                "type": "integer",
                "x-parser-schema-id": "<anonymous-schema-1005>"
              },
              "readIds": {
                "readOnly": true,
                "type": "array",
                "items": {
                  "type": "string",
                  "x-parser-schema-id": "<anonymous-schema-1007>"
                },
                "x-parser-schema-id": "<anonymous-schema-1006>"
              },
              "readUpTo": {
                "type": [
                  "string",
                  "null"
                ],
                "x-parser-schema-id": "<anonymous-schema-1008>"
              },
              "deletedIds": {
                "readOnly": true,
                "type": "array",
                "items": {
                  "type": "string",
                  "x-parser-schema-id": "<anonymous-schema-1010>"
                },
                "x-parser-schema-id": "<anonymous-schema-1009>"
              },
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-1011>"
              }
            },
            "required": [
              "unread",
              "readIds",
              "readUpTo",
              "deletedIds",
              "at"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "notification.read-state.event"
          },
          "x-parser-unique-object-id": "notification.read-state.event"
        },
        "feed.new.event": {
          "name": "feed:new",
          "title": "feed:new",
          "summary": "To the connections that read the feed (`feed:get`) of a friend of the item's author: a new item, shown to you as `feed:get` would show it.",
          "payload": {
            "type": "object",
            "properties": {
              "item": "$ref:$.channels.connection.messages.feed.get.ack.payload.oneOf[0].properties.data.properties.items.items",
              "at": {
                "type": "integer",
                "description": "epoch milliseconds (server time)",
                "x-parser-schema-id": "<anonymous-schema-1012>"
              }
            },
            "required": [
              "item",
              "at"
            ],
            "additionalProperties": false,
            "x-parser-schema-id": "feed.new.event"
          },
          "x-parser-unique-object-id": "feed.new.event"
        }
      },
      "x-parser-unique-object-id": "connection"
    }
  },
  "operations": {
    "auth.refresh": {
      "action": "receive",
      "title": "auth:refresh",
      "summary": "`auth:refresh`: replace the socket's access token before it expires.",
      "description": "The client emits `auth:refresh` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.auth.refresh"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.auth.refresh.ack"
        ]
      },
      "x-parser-unique-object-id": "auth.refresh"
    },
    "presence.watch": {
      "action": "receive",
      "title": "presence:watch",
      "summary": "`presence:watch`",
      "description": "The client emits `presence:watch` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.presence.watch"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.presence.watch.ack"
        ]
      },
      "x-parser-unique-object-id": "presence.watch"
    },
    "presence.unwatch": {
      "action": "receive",
      "title": "presence:unwatch",
      "summary": "`presence:unwatch`",
      "description": "The client emits `presence:unwatch` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.presence.unwatch"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.presence.unwatch.ack"
        ]
      },
      "x-parser-unique-object-id": "presence.unwatch"
    },
    "presence.set": {
      "action": "receive",
      "title": "presence:set",
      "summary": "`presence:set`: this device's status and an optional short activity (\"listening to rain\").",
      "description": "The client emits `presence:set` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.presence.set"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.presence.set.ack"
        ]
      },
      "x-parser-unique-object-id": "presence.set"
    },
    "friend.request": {
      "action": "receive",
      "title": "friend:request",
      "summary": "The target of every friend command.",
      "description": "The client emits `friend:request` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.friend.request"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.friend.request.ack"
        ]
      },
      "x-parser-unique-object-id": "friend.request"
    },
    "friend.accept": {
      "action": "receive",
      "title": "friend:accept",
      "summary": "The target of every friend command.",
      "description": "The client emits `friend:accept` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.friend.accept"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.friend.accept.ack"
        ]
      },
      "x-parser-unique-object-id": "friend.accept"
    },
    "friend.decline": {
      "action": "receive",
      "title": "friend:decline",
      "summary": "The target of every friend command.",
      "description": "The client emits `friend:decline` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.friend.decline"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.friend.decline.ack"
        ]
      },
      "x-parser-unique-object-id": "friend.decline"
    },
    "friend.remove": {
      "action": "receive",
      "title": "friend:remove",
      "summary": "The target of every friend command.",
      "description": "The client emits `friend:remove` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.friend.remove"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.friend.remove.ack"
        ]
      },
      "x-parser-unique-object-id": "friend.remove"
    },
    "friend.block": {
      "action": "receive",
      "title": "friend:block",
      "summary": "The target of every friend command.",
      "description": "The client emits `friend:block` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.friend.block"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.friend.block.ack"
        ]
      },
      "x-parser-unique-object-id": "friend.block"
    },
    "friend.unblock": {
      "action": "receive",
      "title": "friend:unblock",
      "summary": "The target of every friend command.",
      "description": "The client emits `friend:unblock` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.friend.unblock"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.friend.unblock.ack"
        ]
      },
      "x-parser-unique-object-id": "friend.unblock"
    },
    "friends.list": {
      "action": "receive",
      "title": "friends:list",
      "summary": "friends:list",
      "description": "The client emits `friends:list` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.friends.list"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.friends.list.ack"
        ]
      },
      "x-parser-unique-object-id": "friends.list"
    },
    "profile.get": {
      "action": "receive",
      "title": "profile:get",
      "summary": "`profile:get`",
      "description": "The client emits `profile:get` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.profile.get"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.profile.get.ack"
        ]
      },
      "x-parser-unique-object-id": "profile.get"
    },
    "profile.update": {
      "action": "receive",
      "title": "profile:update",
      "summary": "`profile:update`: some of the editable fields, at least one.",
      "description": "The client emits `profile:update` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.profile.update"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.profile.update.ack"
        ]
      },
      "x-parser-unique-object-id": "profile.update"
    },
    "user.lookup": {
      "action": "receive",
      "title": "user:lookup",
      "summary": "`user:lookup`: find a user by login name, to befriend them.",
      "description": "The client emits `user:lookup` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.user.lookup"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.user.lookup.ack"
        ]
      },
      "x-parser-unique-object-id": "user.lookup"
    },
    "privacy.get": {
      "action": "receive",
      "title": "privacy:get",
      "summary": "privacy:get",
      "description": "The client emits `privacy:get` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.privacy.get"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.privacy.get.ack"
        ]
      },
      "x-parser-unique-object-id": "privacy.get"
    },
    "privacy.update": {
      "action": "receive",
      "title": "privacy:update",
      "summary": "`privacy:update`: some of the settings, at least one.",
      "description": "The client emits `privacy:update` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.privacy.update"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.privacy.update.ack"
        ]
      },
      "x-parser-unique-object-id": "privacy.update"
    },
    "hug.send": {
      "action": "receive",
      "title": "hug:send",
      "summary": "`hug:send`: send one hug. Retrying with the same `clientId` never sends it twice.",
      "description": "The client emits `hug:send` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.hug.send"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.hug.send.ack"
        ]
      },
      "x-parser-unique-object-id": "hug.send"
    },
    "hug.ack": {
      "action": "receive",
      "title": "hug:ack",
      "summary": "`hug:ack`: the recipient's device confirms it received these hugs (the sender learns `delivered`).",
      "description": "The client emits `hug:ack` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.hug.ack"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.hug.ack.ack"
        ]
      },
      "x-parser-unique-object-id": "hug.ack"
    },
    "hug.read": {
      "action": "receive",
      "title": "hug:read",
      "summary": "`hug:read`: the recipient marks a hug read (the sender gets a read receipt).",
      "description": "The client emits `hug:read` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.hug.read"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.hug.read.ack"
        ]
      },
      "x-parser-unique-object-id": "hug.read"
    },
    "hug.request": {
      "action": "receive",
      "title": "hug:request",
      "summary": "`hug:request`: ask someone for a hug.",
      "description": "The client emits `hug:request` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.hug.request"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.hug.request.ack"
        ]
      },
      "x-parser-unique-object-id": "hug.request"
    },
    "hug.request.answer": {
      "action": "receive",
      "title": "hug:request:answer",
      "summary": "`hug:request:answer`: accept (a hug goes back, of `kind`, default `warm`) or decline a request made to you.",
      "description": "The client emits `hug:request:answer` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.hug.request.answer"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.hug.request.answer.ack"
        ]
      },
      "x-parser-unique-object-id": "hug.request.answer"
    },
    "hug.history": {
      "action": "receive",
      "title": "hug:history",
      "summary": "`hug:history`: the caller's hugs, newest first, one page at a time.",
      "description": "The client emits `hug:history` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.hug.history"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.hug.history.ack"
        ]
      },
      "x-parser-unique-object-id": "hug.history"
    },
    "hug.unread": {
      "action": "receive",
      "title": "hug:unread",
      "summary": "`hug:unread`: the hugs you received and have not read, newest first.",
      "description": "The client emits `hug:unread` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.hug.unread"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.hug.unread.ack"
        ]
      },
      "x-parser-unique-object-id": "hug.unread"
    },
    "hug.request.pending": {
      "action": "receive",
      "title": "hug:request:pending",
      "summary": "hug:request:pending",
      "description": "The client emits `hug:request:pending` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.hug.request.pending"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.hug.request.pending.ack"
        ]
      },
      "x-parser-unique-object-id": "hug.request.pending"
    },
    "inbox.sync": {
      "action": "receive",
      "title": "inbox:sync",
      "summary": "`inbox:sync`: every inbox entry after `after` (0 for all), oldest first, one page at a time.",
      "description": "The client emits `inbox:sync` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.inbox.sync"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.inbox.sync.ack"
        ]
      },
      "x-parser-unique-object-id": "inbox.sync"
    },
    "group.create": {
      "action": "receive",
      "title": "group:create",
      "summary": "`group:create`: a new group hug in `gathering`, with the caller as creator and first participant. Retrying with the same `clientId` returns the same group hug.",
      "description": "The client emits `group:create` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.group.create"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.group.create.ack"
        ]
      },
      "x-parser-unique-object-id": "group.create"
    },
    "group.invite": {
      "action": "receive",
      "title": "group:invite",
      "summary": "`group:invite`: the creator invites more friends.",
      "description": "The client emits `group:invite` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.group.invite"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.group.invite.ack"
        ]
      },
      "x-parser-unique-object-id": "group.invite"
    },
    "group.join": {
      "action": "receive",
      "title": "group:join",
      "summary": "`group:join`, `group:decline`, `group:leave`, `group:start`, `group:cancel`, `group:get`: act on one group hug.",
      "description": "The client emits `group:join` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.group.join"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.group.join.ack"
        ]
      },
      "x-parser-unique-object-id": "group.join"
    },
    "group.decline": {
      "action": "receive",
      "title": "group:decline",
      "summary": "`group:join`, `group:decline`, `group:leave`, `group:start`, `group:cancel`, `group:get`: act on one group hug.",
      "description": "The client emits `group:decline` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.group.decline"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.group.decline.ack"
        ]
      },
      "x-parser-unique-object-id": "group.decline"
    },
    "group.leave": {
      "action": "receive",
      "title": "group:leave",
      "summary": "`group:join`, `group:decline`, `group:leave`, `group:start`, `group:cancel`, `group:get`: act on one group hug.",
      "description": "The client emits `group:leave` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.group.leave"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.group.leave.ack"
        ]
      },
      "x-parser-unique-object-id": "group.leave"
    },
    "group.start": {
      "action": "receive",
      "title": "group:start",
      "summary": "`group:join`, `group:decline`, `group:leave`, `group:start`, `group:cancel`, `group:get`: act on one group hug.",
      "description": "The client emits `group:start` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.group.start"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.group.start.ack"
        ]
      },
      "x-parser-unique-object-id": "group.start"
    },
    "group.cancel": {
      "action": "receive",
      "title": "group:cancel",
      "summary": "`group:join`, `group:decline`, `group:leave`, `group:start`, `group:cancel`, `group:get`: act on one group hug.",
      "description": "The client emits `group:cancel` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.group.cancel"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.group.cancel.ack"
        ]
      },
      "x-parser-unique-object-id": "group.cancel"
    },
    "group.get": {
      "action": "receive",
      "title": "group:get",
      "summary": "`group:join`, `group:decline`, `group:leave`, `group:start`, `group:cancel`, `group:get`: act on one group hug.",
      "description": "The client emits `group:get` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.group.get"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.group.get.ack"
        ]
      },
      "x-parser-unique-object-id": "group.get"
    },
    "group.squeeze": {
      "action": "receive",
      "title": "group:squeeze",
      "summary": "`group:squeeze`: one tap while `live`; `intensity` 0..1.",
      "description": "The client emits `group:squeeze` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.group.squeeze"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.group.squeeze.ack"
        ]
      },
      "x-parser-unique-object-id": "group.squeeze"
    },
    "group.history": {
      "action": "receive",
      "title": "group:history",
      "summary": "`group:history`: the group hugs the caller took part in, newest first.",
      "description": "The client emits `group:history` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.group.history"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.group.history.ack"
        ]
      },
      "x-parser-unique-object-id": "group.history"
    },
    "group.open": {
      "action": "receive",
      "title": "group:open",
      "summary": "group:open",
      "description": "The client emits `group:open` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.group.open"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.group.open.ack"
        ]
      },
      "x-parser-unique-object-id": "group.open"
    },
    "time.sync": {
      "action": "receive",
      "title": "time:sync",
      "summary": "time:sync",
      "description": "The client emits `time:sync` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.time.sync"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.time.sync.ack"
        ]
      },
      "x-parser-unique-object-id": "time.sync"
    },
    "mood.record": {
      "action": "receive",
      "title": "mood:record",
      "summary": "`mood:record`: record how you feel now. `valence` and `arousal` default to the mood's; `visibility` defaults to your `shareMoodsWith` and is narrowed to it. Retrying with the same `clientId` never records twice.",
      "description": "The client emits `mood:record` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.mood.record"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.mood.record.ack"
        ]
      },
      "x-parser-unique-object-id": "mood.record"
    },
    "mood.update": {
      "action": "receive",
      "title": "mood:update",
      "summary": "`mood:update`: change one of your moods (at least one field; `note: null` removes the note).",
      "description": "The client emits `mood:update` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.mood.update"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.mood.update.ack"
        ]
      },
      "x-parser-unique-object-id": "mood.update"
    },
    "mood.delete": {
      "action": "receive",
      "title": "mood:delete",
      "summary": "`mood:delete`: remove one of your moods (friends who saw it hear so).",
      "description": "The client emits `mood:delete` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.mood.delete"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.mood.delete.ack"
        ]
      },
      "x-parser-unique-object-id": "mood.delete"
    },
    "mood.streak": {
      "action": "receive",
      "title": "mood:streak",
      "summary": "`mood:streak`: your streak, or a friend's where their privacy allows; `timeZone` (default UTC) says what \"today\" is.",
      "description": "The client emits `mood:streak` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.mood.streak"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.mood.streak.ack"
        ]
      },
      "x-parser-unique-object-id": "mood.streak"
    },
    "mood.history": {
      "action": "receive",
      "title": "mood:history",
      "summary": "`mood:history`: your moods, or those a friend lets you see, newest first, one page at a time.",
      "description": "The client emits `mood:history` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.mood.history"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.mood.history.ack"
        ]
      },
      "x-parser-unique-object-id": "mood.history"
    },
    "mood.summary": {
      "action": "receive",
      "title": "mood:summary",
      "summary": "`mood:summary`: insights over your last `days` days.",
      "description": "The client emits `mood:summary` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.mood.summary"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.mood.summary.ack"
        ]
      },
      "x-parser-unique-object-id": "mood.summary"
    },
    "mood.friends": {
      "action": "receive",
      "title": "mood:friends",
      "summary": "mood:friends",
      "description": "The client emits `mood:friends` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.mood.friends"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.mood.friends.ack"
        ]
      },
      "x-parser-unique-object-id": "mood.friends"
    },
    "notification.list": {
      "action": "receive",
      "title": "notification:list",
      "summary": "`notification:list`: your notifications, newest first, a page at a time.",
      "description": "The client emits `notification:list` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.notification.list"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.notification.list.ack"
        ]
      },
      "x-parser-unique-object-id": "notification.list"
    },
    "notification.read": {
      "action": "receive",
      "title": "notification:read",
      "summary": "notification:read",
      "description": "The client emits `notification:read` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.notification.read"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.notification.read.ack"
        ]
      },
      "x-parser-unique-object-id": "notification.read"
    },
    "notification.delete": {
      "action": "receive",
      "title": "notification:delete",
      "summary": "`notification:delete`: remove these.",
      "description": "The client emits `notification:delete` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.notification.delete"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.notification.delete.ack"
        ]
      },
      "x-parser-unique-object-id": "notification.delete"
    },
    "notification.unread-count": {
      "action": "receive",
      "title": "notification:unread-count",
      "summary": "notification:unread-count",
      "description": "The client emits `notification:unread-count` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.notification.unread-count"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.notification.unread-count.ack"
        ]
      },
      "x-parser-unique-object-id": "notification.unread-count"
    },
    "notification.preferences.get": {
      "action": "receive",
      "title": "notification:preferences:get",
      "summary": "notification:preferences:get",
      "description": "The client emits `notification:preferences:get` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.notification.preferences.get"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.notification.preferences.get.ack"
        ]
      },
      "x-parser-unique-object-id": "notification.preferences.get"
    },
    "notification.preferences.update": {
      "action": "receive",
      "title": "notification:preferences:update",
      "summary": "`notification:preferences:update`: change some preferences (channels per type and channel; the rest replaced as given).",
      "description": "The client emits `notification:preferences:update` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.notification.preferences.update"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.notification.preferences.update.ack"
        ]
      },
      "x-parser-unique-object-id": "notification.preferences.update"
    },
    "device.register": {
      "action": "receive",
      "title": "device:register",
      "summary": "device:register",
      "description": "The client emits `device:register` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.device.register"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.device.register.ack"
        ]
      },
      "x-parser-unique-object-id": "device.register"
    },
    "device.unregister": {
      "action": "receive",
      "title": "device:unregister",
      "summary": "device:unregister",
      "description": "The client emits `device:unregister` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.device.unregister"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.device.unregister.ack"
        ]
      },
      "x-parser-unique-object-id": "device.unregister"
    },
    "feed.get": {
      "action": "receive",
      "title": "feed:get",
      "summary": "`feed:get`: your friends' activity, newest first, a page at a time; your connection then hears `feed:new`.",
      "description": "The client emits `feed:get` with the payload and an acknowledgement callback; the server validates the payload first (`invalid_payload` names the field) and answers through the callback.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.feed.get"
      ],
      "reply": {
        "channel": "$ref:$.channels.connection",
        "messages": [
          "$ref:$.channels.connection.messages.feed.get.ack"
        ]
      },
      "x-parser-unique-object-id": "feed.get"
    },
    "on.presence.update": {
      "action": "send",
      "title": "presence:update",
      "summary": "Sent to watchers of a user (room `presence:{userId}:*`) when that user's presence changes.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.presence.update.event"
      ],
      "x-parser-unique-object-id": "on.presence.update"
    },
    "on.presence.revoked": {
      "action": "send",
      "title": "presence:revoked",
      "summary": "Sent to a watcher whose right to watch `userId` ended (unfriend, block, or the user stopped sharing their status publicly). The watcher has been removed from the user's room; the SDK watches again, and the server decides afresh.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.presence.revoked.event"
      ],
      "x-parser-unique-object-id": "on.presence.revoked"
    },
    "on.friend.update": {
      "action": "send",
      "title": "friend:update",
      "summary": "Sent to both parties when a friendship changes; `state` is from the receiver's side.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.friend.update.event"
      ],
      "x-parser-unique-object-id": "on.friend.update"
    },
    "on.profile.updated": {
      "action": "send",
      "title": "profile:updated",
      "summary": "Sent to a user's friends and their own devices when their profile changes.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.profile.updated.event"
      ],
      "x-parser-unique-object-id": "on.profile.updated"
    },
    "on.privacy.updated": {
      "action": "send",
      "title": "privacy:updated",
      "summary": "Sent to a user's own devices when their privacy settings change.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.privacy.updated.event"
      ],
      "x-parser-unique-object-id": "on.privacy.updated"
    },
    "on.auth.expiring": {
      "action": "send",
      "title": "auth:expiring",
      "summary": "Sent to one socket shortly before its access token expires. Answer with `auth:refresh`.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.auth.expiring.event"
      ],
      "x-parser-unique-object-id": "on.auth.expiring"
    },
    "on.session.ended": {
      "action": "send",
      "title": "session:ended",
      "summary": "Sent to one socket right before the server disconnects it.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.session.ended.event"
      ],
      "x-parser-unique-object-id": "on.session.ended"
    },
    "on.command.rejected": {
      "action": "send",
      "title": "command:rejected",
      "summary": "Sent when a client emits an event without an ack that the server refused (unknown, malformed).",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.command.rejected.event"
      ],
      "x-parser-unique-object-id": "on.command.rejected"
    },
    "on.hug.received": {
      "action": "send",
      "title": "hug:received",
      "summary": "To room `user:{to}`: a hug arrived. Acknowledge it with `hug:ack`.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.hug.received.event"
      ],
      "x-parser-unique-object-id": "on.hug.received"
    },
    "on.hug.delivered": {
      "action": "send",
      "title": "hug:delivered",
      "summary": "To room `user:{from}`: a device of the recipient got the hug.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.hug.delivered.event"
      ],
      "x-parser-unique-object-id": "on.hug.delivered"
    },
    "on.hug.read-receipt": {
      "action": "send",
      "title": "hug:read-receipt",
      "summary": "To room `user:{from}`: the recipient read the hug.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.hug.read-receipt.event"
      ],
      "x-parser-unique-object-id": "on.hug.read-receipt"
    },
    "on.hug.read-state": {
      "action": "send",
      "title": "hug:read-state",
      "summary": "To room `user:{to}`: another device of yours marked a hug read.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.hug.read-state.event"
      ],
      "x-parser-unique-object-id": "on.hug.read-state"
    },
    "on.hug.request.received": {
      "action": "send",
      "title": "hug:request:received",
      "summary": "To room `user:{to}`: someone asks you for a hug.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.hug.request.received.event"
      ],
      "x-parser-unique-object-id": "on.hug.request.received"
    },
    "on.hug.request.answered": {
      "action": "send",
      "title": "hug:request:answered",
      "summary": "To room `user:{from}`: your hug request was answered.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.hug.request.answered.event"
      ],
      "x-parser-unique-object-id": "on.hug.request.answered"
    },
    "on.group.invited": {
      "action": "send",
      "title": "group:invited",
      "summary": "To room `user:{invitee}`: you are invited to a group hug (also in your inbox).",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.group.invited.event"
      ],
      "x-parser-unique-object-id": "on.group.invited"
    },
    "on.group.state": {
      "action": "send",
      "title": "group:state",
      "summary": "To room `group:{id}`: the changes to a group hug from version `fromVersion` to `version` (one command, or a batch of them). Apply a diff whose `fromVersion` is your version; skip older ones; on a gap, fetch the snapshot (`group:get`).",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.group.state.event"
      ],
      "x-parser-unique-object-id": "on.group.state"
    },
    "on.group.pulse": {
      "action": "send",
      "title": "group:pulse",
      "summary": "To room `group:{id}` while live, at most 10 times a second: the group's shared squeeze.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.group.pulse.event"
      ],
      "x-parser-unique-object-id": "on.group.pulse"
    },
    "on.group.complete": {
      "action": "send",
      "title": "group:complete",
      "summary": "To room `group:{id}` when the live part ended: what everyone did together.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.group.complete.event"
      ],
      "x-parser-unique-object-id": "on.group.complete"
    },
    "on.mood.friend-update": {
      "action": "send",
      "title": "mood:friend-update",
      "summary": "To the friends listening to a user's moods (room `mood:{userId}`, joined by `mood:friends`): a mood they recorded or changed that friends may see. `streak` is the author's streak after a record (null after a change, which leaves it as it was). An entry whose change made it invisible to friends comes as `mood:friend-removed` instead.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.mood.friend-update.event"
      ],
      "x-parser-unique-object-id": "on.mood.friend-update"
    },
    "on.mood.friend-removed": {
      "action": "send",
      "title": "mood:friend-removed",
      "summary": "To the friends listening to a user's moods: one of their moods was deleted (`streak` is the streak rebuilt without it), or no longer shows to friends (`streak` null: unchanged).",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.mood.friend-removed.event"
      ],
      "x-parser-unique-object-id": "on.mood.friend-removed"
    },
    "on.mood.friend-hidden": {
      "action": "send",
      "title": "mood:friend-hidden",
      "summary": "To the friends listening to a user's moods, or to one listener: none of that user's moods show to you any more (they share moods with no one now, you are no longer friends, or a block). Forget what you hold of them; a `mood:friend-update` follows if they show again.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.mood.friend-hidden.event"
      ],
      "x-parser-unique-object-id": "on.mood.friend-hidden"
    },
    "on.notification.new": {
      "action": "send",
      "title": "notification:new",
      "summary": "To your devices (room `user:{you}`): a new notification, and how many of yours are unread with it. It is an inbox entry too: one missed while offline comes through `inbox:sync`.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.notification.new.event"
      ],
      "x-parser-unique-object-id": "on.notification.new"
    },
    "on.notification.read-state": {
      "action": "send",
      "title": "notification:read-state",
      "summary": "To your devices: notifications were read or deleted (on one of them), and how many are unread now. `unread` was counted at `at`: keep the value of the latest `at` you heard.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.notification.read-state.event"
      ],
      "x-parser-unique-object-id": "on.notification.read-state"
    },
    "on.feed.new": {
      "action": "send",
      "title": "feed:new",
      "summary": "To the connections that read the feed (`feed:get`) of a friend of the item's author: a new item, shown to you as `feed:get` would show it.",
      "channel": "$ref:$.channels.connection",
      "messages": [
        "$ref:$.channels.connection.messages.feed.new.event"
      ],
      "x-parser-unique-object-id": "on.feed.new"
    }
  },
  "components": {
    "schemas": {
      "ErrorCode": {
        "type": "string",
        "enum": [
          "invalid_payload",
          "unauthorized",
          "forbidden",
          "not_found",
          "rate_limited",
          "conflict",
          "unavailable",
          "internal"
        ],
        "description": "The closed catalogue of error codes: every refusal (an ack, a connect_error, an HTTP error) carries one.\n\n- `invalid_payload`: HTTP 400\n- `unauthorized`: HTTP 401\n- `forbidden`: HTTP 403\n- `not_found`: HTTP 404\n- `rate_limited`: HTTP 429; temporary: the same request may succeed later (wait `retryAfterMs` when given)\n- `conflict`: HTTP 409\n- `unavailable`: HTTP 503; temporary: the same request may succeed later (wait `retryAfterMs` when given)\n- `internal`: HTTP 500; temporary: the same request may succeed later (wait `retryAfterMs` when given)",
        "x-parser-schema-id": "ErrorCode"
      },
      "auth.refresh.payload": "$ref:$.channels.connection.messages.auth.refresh.payload",
      "presence.watch.payload": "$ref:$.channels.connection.messages.presence.watch.payload",
      "presence.unwatch.payload": "$ref:$.channels.connection.messages.presence.unwatch.payload",
      "presence.set.payload": "$ref:$.channels.connection.messages.presence.set.payload",
      "friend.request.payload": "$ref:$.channels.connection.messages.friend.request.payload",
      "friends.list.payload": "$ref:$.channels.connection.messages.friends.list.payload",
      "profile.get.payload": "$ref:$.channels.connection.messages.profile.get.payload",
      "profile.update.payload": "$ref:$.channels.connection.messages.profile.update.payload",
      "user.lookup.payload": "$ref:$.channels.connection.messages.user.lookup.payload",
      "privacy.update.payload": "$ref:$.channels.connection.messages.privacy.update.payload",
      "hug.send.payload": "$ref:$.channels.connection.messages.hug.send.payload",
      "hug.ack.payload": "$ref:$.channels.connection.messages.hug.ack.payload",
      "hug.read.payload": "$ref:$.channels.connection.messages.hug.read.payload",
      "hug.request.payload": "$ref:$.channels.connection.messages.hug.request.payload",
      "hug.request.answer.payload": "$ref:$.channels.connection.messages.hug.request.answer.payload",
      "hug.history.payload": "$ref:$.channels.connection.messages.hug.history.payload",
      "hug.unread.payload": "$ref:$.channels.connection.messages.hug.unread.payload",
      "inbox.sync.payload": "$ref:$.channels.connection.messages.inbox.sync.payload",
      "group.create.payload": "$ref:$.channels.connection.messages.group.create.payload",
      "group.invite.payload": "$ref:$.channels.connection.messages.group.invite.payload",
      "group.join.payload": "$ref:$.channels.connection.messages.group.join.payload",
      "group.squeeze.payload": "$ref:$.channels.connection.messages.group.squeeze.payload",
      "group.history.payload": "$ref:$.channels.connection.messages.group.history.payload",
      "time.sync.payload": "$ref:$.channels.connection.messages.time.sync.payload",
      "mood.record.payload": "$ref:$.channels.connection.messages.mood.record.payload",
      "mood.update.payload": "$ref:$.channels.connection.messages.mood.update.payload",
      "mood.delete.payload": "$ref:$.channels.connection.messages.mood.delete.payload",
      "mood.streak.payload": "$ref:$.channels.connection.messages.mood.streak.payload",
      "mood.history.payload": "$ref:$.channels.connection.messages.mood.history.payload",
      "mood.summary.payload": "$ref:$.channels.connection.messages.mood.summary.payload",
      "mood.friends.payload": "$ref:$.channels.connection.messages.mood.friends.payload",
      "notification.list.payload": "$ref:$.channels.connection.messages.notification.list.payload",
      "notification.read.payload": "$ref:$.channels.connection.messages.notification.read.payload",
      "notification.delete.payload": "$ref:$.channels.connection.messages.notification.delete.payload",
      "notification.preferences.update.payload": "$ref:$.channels.connection.messages.notification.preferences.update.payload",
      "device.register.payload": "$ref:$.channels.connection.messages.device.register.payload",
      "feed.get.payload": "$ref:$.channels.connection.messages.feed.get.payload",
      "UserPresence": "$ref:$.channels.connection.messages.presence.watch.ack.payload.oneOf[0].properties.data.properties.presences.items",
      "FriendshipState": "$ref:$.channels.connection.messages.friend.request.ack.payload.oneOf[0].properties.data.properties.state",
      "Hug": "$ref:$.channels.connection.messages.hug.history.ack.payload.oneOf[0].properties.data.properties.hugs.items",
      "HugRequest": "$ref:$.channels.connection.messages.hug.request.pending.ack.payload.oneOf[0].properties.data.properties.requests.items",
      "InboxEntry": "$ref:$.channels.connection.messages.inbox.sync.ack.payload.oneOf[0].properties.data.properties.entries.items",
      "Notification": "$ref:$.channels.connection.messages.inbox.sync.ack.payload.oneOf[0].properties.data.properties.entries.items.oneOf[5].properties.notification",
      "GroupHugPhase": "$ref:$.channels.connection.messages.group.create.ack.payload.oneOf[0].properties.data.properties.phase",
      "GroupHugSummary": "$ref:$.channels.connection.messages.group.history.ack.payload.oneOf[0].properties.data.properties.summaries.items",
      "FeedItem": "$ref:$.channels.connection.messages.feed.get.ack.payload.oneOf[0].properties.data.properties.items.items",
      "ErrorDetailValue": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error.properties.details.additionalProperties",
      "auth.refresh.result": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[0].properties.data",
      "presence.watch.result": "$ref:$.channels.connection.messages.presence.watch.ack.payload.oneOf[0].properties.data",
      "presence.unwatch.result": "$ref:$.channels.connection.messages.presence.unwatch.ack.payload.oneOf[0].properties.data",
      "presence.set.result": "$ref:$.channels.connection.messages.presence.set.ack.payload.oneOf[0].properties.data",
      "friend.request.result": "$ref:$.channels.connection.messages.friend.request.ack.payload.oneOf[0].properties.data",
      "friends.list.result": "$ref:$.channels.connection.messages.friends.list.ack.payload.oneOf[0].properties.data",
      "Profile": "$ref:$.channels.connection.messages.friends.list.ack.payload.oneOf[0].properties.data.properties.friends.items.properties.profile",
      "PrivacySettings": "$ref:$.channels.connection.messages.privacy.get.ack.payload.oneOf[0].properties.data",
      "hug.send.result": "$ref:$.channels.connection.messages.hug.send.ack.payload.oneOf[0].properties.data",
      "hug.ack.result": "$ref:$.channels.connection.messages.hug.ack.ack.payload.oneOf[0].properties.data",
      "hug.read.result": "$ref:$.channels.connection.messages.hug.read.ack.payload.oneOf[0].properties.data",
      "hug.request.result": "$ref:$.channels.connection.messages.hug.request.ack.payload.oneOf[0].properties.data",
      "hug.request.answer.result": "$ref:$.channels.connection.messages.hug.request.answer.ack.payload.oneOf[0].properties.data",
      "hug.history.result": "$ref:$.channels.connection.messages.hug.history.ack.payload.oneOf[0].properties.data",
      "hug.unread.result": "$ref:$.channels.connection.messages.hug.unread.ack.payload.oneOf[0].properties.data",
      "hug.request.pending.result": "$ref:$.channels.connection.messages.hug.request.pending.ack.payload.oneOf[0].properties.data",
      "inbox.sync.result": "$ref:$.channels.connection.messages.inbox.sync.ack.payload.oneOf[0].properties.data",
      "GroupHugView": "$ref:$.channels.connection.messages.group.create.ack.payload.oneOf[0].properties.data",
      "group.invite.result": "$ref:$.channels.connection.messages.group.invite.ack.payload.oneOf[0].properties.data",
      "group.join.result": "$ref:$.channels.connection.messages.group.join.ack.payload.oneOf[0].properties.data",
      "group.squeeze.result": "$ref:$.channels.connection.messages.group.squeeze.ack.payload.oneOf[0].properties.data",
      "group.history.result": "$ref:$.channels.connection.messages.group.history.ack.payload.oneOf[0].properties.data",
      "group.open.result": "$ref:$.channels.connection.messages.group.open.ack.payload.oneOf[0].properties.data",
      "time.sync.result": "$ref:$.channels.connection.messages.time.sync.ack.payload.oneOf[0].properties.data",
      "mood.record.result": "$ref:$.channels.connection.messages.mood.record.ack.payload.oneOf[0].properties.data",
      "MoodEntry": "$ref:$.channels.connection.messages.mood.update.ack.payload.oneOf[0].properties.data",
      "mood.delete.result": "$ref:$.channels.connection.messages.mood.delete.ack.payload.oneOf[0].properties.data",
      "MoodStreak": "$ref:$.channels.connection.messages.mood.record.ack.payload.oneOf[0].properties.data.properties.streak",
      "mood.history.result": "$ref:$.channels.connection.messages.mood.history.ack.payload.oneOf[0].properties.data",
      "MoodSummary": "$ref:$.channels.connection.messages.mood.summary.ack.payload.oneOf[0].properties.data",
      "mood.friends.result": "$ref:$.channels.connection.messages.mood.friends.ack.payload.oneOf[0].properties.data",
      "notification.list.result": "$ref:$.channels.connection.messages.notification.list.ack.payload.oneOf[0].properties.data",
      "notification.read.result": "$ref:$.channels.connection.messages.notification.read.ack.payload.oneOf[0].properties.data",
      "notification.delete.result": "$ref:$.channels.connection.messages.notification.delete.ack.payload.oneOf[0].properties.data",
      "notification.unread-count.result": "$ref:$.channels.connection.messages.notification.unread-count.ack.payload.oneOf[0].properties.data",
      "NotificationPreferences": "$ref:$.channels.connection.messages.notification.preferences.get.ack.payload.oneOf[0].properties.data",
      "device.register.result": "$ref:$.channels.connection.messages.device.register.ack.payload.oneOf[0].properties.data",
      "device.unregister.result": "$ref:$.channels.connection.messages.device.unregister.ack.payload.oneOf[0].properties.data",
      "feed.get.result": "$ref:$.channels.connection.messages.feed.get.ack.payload.oneOf[0].properties.data",
      "presence.update.event": "$ref:$.channels.connection.messages.presence.update.event.payload",
      "presence.revoked.event": "$ref:$.channels.connection.messages.presence.revoked.event.payload",
      "friend.update.event": "$ref:$.channels.connection.messages.friend.update.event.payload",
      "profile.updated.event": "$ref:$.channels.connection.messages.profile.updated.event.payload",
      "privacy.updated.event": "$ref:$.channels.connection.messages.privacy.updated.event.payload",
      "auth.expiring.event": "$ref:$.channels.connection.messages.auth.expiring.event.payload",
      "session.ended.event": "$ref:$.channels.connection.messages.session.ended.event.payload",
      "command.rejected.event": "$ref:$.channels.connection.messages.command.rejected.event.payload",
      "hug.received.event": "$ref:$.channels.connection.messages.hug.received.event.payload",
      "hug.delivered.event": "$ref:$.channels.connection.messages.hug.delivered.event.payload",
      "hug.read-receipt.event": "$ref:$.channels.connection.messages.hug.read-receipt.event.payload",
      "hug.read-state.event": "$ref:$.channels.connection.messages.hug.read-state.event.payload",
      "hug.request.received.event": "$ref:$.channels.connection.messages.hug.request.received.event.payload",
      "hug.request.answered.event": "$ref:$.channels.connection.messages.hug.request.answered.event.payload",
      "group.invited.event": "$ref:$.channels.connection.messages.group.invited.event.payload",
      "group.state.event": "$ref:$.channels.connection.messages.group.state.event.payload",
      "group.pulse.event": "$ref:$.channels.connection.messages.group.pulse.event.payload",
      "group.complete.event": "$ref:$.channels.connection.messages.group.complete.event.payload",
      "mood.friend-update.event": "$ref:$.channels.connection.messages.mood.friend-update.event.payload",
      "mood.friend-removed.event": "$ref:$.channels.connection.messages.mood.friend-removed.event.payload",
      "mood.friend-hidden.event": "$ref:$.channels.connection.messages.mood.friend-hidden.event.payload",
      "notification.new.event": "$ref:$.channels.connection.messages.notification.new.event.payload",
      "notification.read-state.event": "$ref:$.channels.connection.messages.notification.read-state.event.payload",
      "feed.new.event": "$ref:$.channels.connection.messages.feed.new.event.payload",
      "ProtocolError": "$ref:$.channels.connection.messages.auth.refresh.ack.payload.oneOf[1].properties.error"
    },
    "messages": {
      "auth.refresh": "$ref:$.channels.connection.messages.auth.refresh",
      "auth.refresh.ack": "$ref:$.channels.connection.messages.auth.refresh.ack",
      "presence.watch": "$ref:$.channels.connection.messages.presence.watch",
      "presence.watch.ack": "$ref:$.channels.connection.messages.presence.watch.ack",
      "presence.unwatch": "$ref:$.channels.connection.messages.presence.unwatch",
      "presence.unwatch.ack": "$ref:$.channels.connection.messages.presence.unwatch.ack",
      "presence.set": "$ref:$.channels.connection.messages.presence.set",
      "presence.set.ack": "$ref:$.channels.connection.messages.presence.set.ack",
      "friend.request": "$ref:$.channels.connection.messages.friend.request",
      "friend.request.ack": "$ref:$.channels.connection.messages.friend.request.ack",
      "friend.accept": "$ref:$.channels.connection.messages.friend.accept",
      "friend.accept.ack": "$ref:$.channels.connection.messages.friend.accept.ack",
      "friend.decline": "$ref:$.channels.connection.messages.friend.decline",
      "friend.decline.ack": "$ref:$.channels.connection.messages.friend.decline.ack",
      "friend.remove": "$ref:$.channels.connection.messages.friend.remove",
      "friend.remove.ack": "$ref:$.channels.connection.messages.friend.remove.ack",
      "friend.block": "$ref:$.channels.connection.messages.friend.block",
      "friend.block.ack": "$ref:$.channels.connection.messages.friend.block.ack",
      "friend.unblock": "$ref:$.channels.connection.messages.friend.unblock",
      "friend.unblock.ack": "$ref:$.channels.connection.messages.friend.unblock.ack",
      "friends.list": "$ref:$.channels.connection.messages.friends.list",
      "friends.list.ack": "$ref:$.channels.connection.messages.friends.list.ack",
      "profile.get": "$ref:$.channels.connection.messages.profile.get",
      "profile.get.ack": "$ref:$.channels.connection.messages.profile.get.ack",
      "profile.update": "$ref:$.channels.connection.messages.profile.update",
      "profile.update.ack": "$ref:$.channels.connection.messages.profile.update.ack",
      "user.lookup": "$ref:$.channels.connection.messages.user.lookup",
      "user.lookup.ack": "$ref:$.channels.connection.messages.user.lookup.ack",
      "privacy.get": "$ref:$.channels.connection.messages.privacy.get",
      "privacy.get.ack": "$ref:$.channels.connection.messages.privacy.get.ack",
      "privacy.update": "$ref:$.channels.connection.messages.privacy.update",
      "privacy.update.ack": "$ref:$.channels.connection.messages.privacy.update.ack",
      "hug.send": "$ref:$.channels.connection.messages.hug.send",
      "hug.send.ack": "$ref:$.channels.connection.messages.hug.send.ack",
      "hug.ack": "$ref:$.channels.connection.messages.hug.ack",
      "hug.ack.ack": "$ref:$.channels.connection.messages.hug.ack.ack",
      "hug.read": "$ref:$.channels.connection.messages.hug.read",
      "hug.read.ack": "$ref:$.channels.connection.messages.hug.read.ack",
      "hug.request": "$ref:$.channels.connection.messages.hug.request",
      "hug.request.ack": "$ref:$.channels.connection.messages.hug.request.ack",
      "hug.request.answer": "$ref:$.channels.connection.messages.hug.request.answer",
      "hug.request.answer.ack": "$ref:$.channels.connection.messages.hug.request.answer.ack",
      "hug.history": "$ref:$.channels.connection.messages.hug.history",
      "hug.history.ack": "$ref:$.channels.connection.messages.hug.history.ack",
      "hug.unread": "$ref:$.channels.connection.messages.hug.unread",
      "hug.unread.ack": "$ref:$.channels.connection.messages.hug.unread.ack",
      "hug.request.pending": "$ref:$.channels.connection.messages.hug.request.pending",
      "hug.request.pending.ack": "$ref:$.channels.connection.messages.hug.request.pending.ack",
      "inbox.sync": "$ref:$.channels.connection.messages.inbox.sync",
      "inbox.sync.ack": "$ref:$.channels.connection.messages.inbox.sync.ack",
      "group.create": "$ref:$.channels.connection.messages.group.create",
      "group.create.ack": "$ref:$.channels.connection.messages.group.create.ack",
      "group.invite": "$ref:$.channels.connection.messages.group.invite",
      "group.invite.ack": "$ref:$.channels.connection.messages.group.invite.ack",
      "group.join": "$ref:$.channels.connection.messages.group.join",
      "group.join.ack": "$ref:$.channels.connection.messages.group.join.ack",
      "group.decline": "$ref:$.channels.connection.messages.group.decline",
      "group.decline.ack": "$ref:$.channels.connection.messages.group.decline.ack",
      "group.leave": "$ref:$.channels.connection.messages.group.leave",
      "group.leave.ack": "$ref:$.channels.connection.messages.group.leave.ack",
      "group.start": "$ref:$.channels.connection.messages.group.start",
      "group.start.ack": "$ref:$.channels.connection.messages.group.start.ack",
      "group.cancel": "$ref:$.channels.connection.messages.group.cancel",
      "group.cancel.ack": "$ref:$.channels.connection.messages.group.cancel.ack",
      "group.get": "$ref:$.channels.connection.messages.group.get",
      "group.get.ack": "$ref:$.channels.connection.messages.group.get.ack",
      "group.squeeze": "$ref:$.channels.connection.messages.group.squeeze",
      "group.squeeze.ack": "$ref:$.channels.connection.messages.group.squeeze.ack",
      "group.history": "$ref:$.channels.connection.messages.group.history",
      "group.history.ack": "$ref:$.channels.connection.messages.group.history.ack",
      "group.open": "$ref:$.channels.connection.messages.group.open",
      "group.open.ack": "$ref:$.channels.connection.messages.group.open.ack",
      "time.sync": "$ref:$.channels.connection.messages.time.sync",
      "time.sync.ack": "$ref:$.channels.connection.messages.time.sync.ack",
      "mood.record": "$ref:$.channels.connection.messages.mood.record",
      "mood.record.ack": "$ref:$.channels.connection.messages.mood.record.ack",
      "mood.update": "$ref:$.channels.connection.messages.mood.update",
      "mood.update.ack": "$ref:$.channels.connection.messages.mood.update.ack",
      "mood.delete": "$ref:$.channels.connection.messages.mood.delete",
      "mood.delete.ack": "$ref:$.channels.connection.messages.mood.delete.ack",
      "mood.streak": "$ref:$.channels.connection.messages.mood.streak",
      "mood.streak.ack": "$ref:$.channels.connection.messages.mood.streak.ack",
      "mood.history": "$ref:$.channels.connection.messages.mood.history",
      "mood.history.ack": "$ref:$.channels.connection.messages.mood.history.ack",
      "mood.summary": "$ref:$.channels.connection.messages.mood.summary",
      "mood.summary.ack": "$ref:$.channels.connection.messages.mood.summary.ack",
      "mood.friends": "$ref:$.channels.connection.messages.mood.friends",
      "mood.friends.ack": "$ref:$.channels.connection.messages.mood.friends.ack",
      "notification.list": "$ref:$.channels.connection.messages.notification.list",
      "notification.list.ack": "$ref:$.channels.connection.messages.notification.list.ack",
      "notification.read": "$ref:$.channels.connection.messages.notification.read",
      "notification.read.ack": "$ref:$.channels.connection.messages.notification.read.ack",
      "notification.delete": "$ref:$.channels.connection.messages.notification.delete",
      "notification.delete.ack": "$ref:$.channels.connection.messages.notification.delete.ack",
      "notification.unread-count": "$ref:$.channels.connection.messages.notification.unread-count",
      "notification.unread-count.ack": "$ref:$.channels.connection.messages.notification.unread-count.ack",
      "notification.preferences.get": "$ref:$.channels.connection.messages.notification.preferences.get",
      "notification.preferences.get.ack": "$ref:$.channels.connection.messages.notification.preferences.get.ack",
      "notification.preferences.update": "$ref:$.channels.connection.messages.notification.preferences.update",
      "notification.preferences.update.ack": "$ref:$.channels.connection.messages.notification.preferences.update.ack",
      "device.register": "$ref:$.channels.connection.messages.device.register",
      "device.register.ack": "$ref:$.channels.connection.messages.device.register.ack",
      "device.unregister": "$ref:$.channels.connection.messages.device.unregister",
      "device.unregister.ack": "$ref:$.channels.connection.messages.device.unregister.ack",
      "feed.get": "$ref:$.channels.connection.messages.feed.get",
      "feed.get.ack": "$ref:$.channels.connection.messages.feed.get.ack",
      "presence.update.event": "$ref:$.channels.connection.messages.presence.update.event",
      "presence.revoked.event": "$ref:$.channels.connection.messages.presence.revoked.event",
      "friend.update.event": "$ref:$.channels.connection.messages.friend.update.event",
      "profile.updated.event": "$ref:$.channels.connection.messages.profile.updated.event",
      "privacy.updated.event": "$ref:$.channels.connection.messages.privacy.updated.event",
      "auth.expiring.event": "$ref:$.channels.connection.messages.auth.expiring.event",
      "session.ended.event": "$ref:$.channels.connection.messages.session.ended.event",
      "command.rejected.event": "$ref:$.channels.connection.messages.command.rejected.event",
      "hug.received.event": "$ref:$.channels.connection.messages.hug.received.event",
      "hug.delivered.event": "$ref:$.channels.connection.messages.hug.delivered.event",
      "hug.read-receipt.event": "$ref:$.channels.connection.messages.hug.read-receipt.event",
      "hug.read-state.event": "$ref:$.channels.connection.messages.hug.read-state.event",
      "hug.request.received.event": "$ref:$.channels.connection.messages.hug.request.received.event",
      "hug.request.answered.event": "$ref:$.channels.connection.messages.hug.request.answered.event",
      "group.invited.event": "$ref:$.channels.connection.messages.group.invited.event",
      "group.state.event": "$ref:$.channels.connection.messages.group.state.event",
      "group.pulse.event": "$ref:$.channels.connection.messages.group.pulse.event",
      "group.complete.event": "$ref:$.channels.connection.messages.group.complete.event",
      "mood.friend-update.event": "$ref:$.channels.connection.messages.mood.friend-update.event",
      "mood.friend-removed.event": "$ref:$.channels.connection.messages.mood.friend-removed.event",
      "mood.friend-hidden.event": "$ref:$.channels.connection.messages.mood.friend-hidden.event",
      "notification.new.event": "$ref:$.channels.connection.messages.notification.new.event",
      "notification.read-state.event": "$ref:$.channels.connection.messages.notification.read-state.event",
      "feed.new.event": "$ref:$.channels.connection.messages.feed.new.event"
    }
  },
  "x-parser-spec-parsed": true,
  "x-parser-api-version": 3,
  "x-parser-circular": true,
  "x-parser-spec-stringified": true
};
    const config = {"show":{"sidebar":true,"messages":false,"schemas":false},"sidebar":{"showOperations":"byDefault"},"expand":{"messageExamples":false}};
    const appRoot = document.getElementById('root');
    AsyncApiStandalone.render(
        { schema, config, }, appRoot
    );
  