/// The API's contract: OpenAPI 3.1, served at `/api/v1/openapi.json`. A test compares its
/// paths with the routes the server registers, and CI fuzzes the server against it
/// (schemathesis), so neither can change without the other.
enum OpenAPIDocument {
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "dxtrack API",
    "version": "1",
    "description": "API của dxtrack: kế hoạch, chỉ tiêu, đánh giá, đợt báo cáo. Mọi thông báo lỗi bằng tiếng Việt. / dxtrack's API; every error message is Vietnamese."
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "security": [
    {
      "bearerAuth": []
    }
  ],
  "paths": {
    "/api/v1/me": {
      "get": {
        "summary": "Tài khoản của mã truy cập / The token's account",
        "parameters": [],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Me"
                }
              }
            }
          },
          "401": {
            "description": "401 Thiếu mã truy cập hoặc mã không hợp lệ / Missing or invalid token",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Thiếu mã truy cập: gửi tiêu đề Authorization: Bearer <mã>.",
                  "status": 401
                }
              }
            }
          }
        },
        "operationId": "me"
      }
    },
    "/api/v1/plans": {
      "get": {
        "summary": "Các kế hoạch / Plans",
        "parameters": [],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Plan"
                  }
                }
              }
            }
          },
          "401": {
            "description": "401 Thiếu mã truy cập hoặc mã không hợp lệ / Missing or invalid token",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Thiếu mã truy cập: gửi tiêu đề Authorization: Bearer <mã>.",
                  "status": 401
                }
              }
            }
          }
        },
        "operationId": "plans"
      }
    },
    "/api/v1/plans/{plan}/indicators": {
      "get": {
        "summary": "Chỉ tiêu của kế hoạch / A plan's indicators",
        "parameters": [
          {
            "name": "plan",
            "in": "path",
            "required": true,
            "description": "Định danh (slug) hoặc mã kế hoạch đã mã hóa URL / The plan's slug or percent-encoded code",
            "schema": {
              "type": "string"
            },
            "example": "kh-cds-2024"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Indicator"
                  }
                }
              }
            }
          },
          "401": {
            "description": "401 Thiếu mã truy cập hoặc mã không hợp lệ / Missing or invalid token",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Thiếu mã truy cập: gửi tiêu đề Authorization: Bearer <mã>.",
                  "status": 401
                }
              }
            }
          },
          "404": {
            "description": "404 Không có kế hoạch / No such plan",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Không có kế hoạch \"khong-co\".",
                  "status": 404
                }
              }
            }
          }
        },
        "operationId": "planIndicators"
      }
    },
    "/api/v1/plans/{plan}/tasks": {
      "get": {
        "summary": "Nhiệm vụ của kế hoạch / A plan's tasks",
        "parameters": [
          {
            "name": "plan",
            "in": "path",
            "required": true,
            "description": "Định danh (slug) hoặc mã kế hoạch đã mã hóa URL / The plan's slug or percent-encoded code",
            "schema": {
              "type": "string"
            },
            "example": "kh-cds-2024"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Task"
                  }
                }
              }
            }
          },
          "401": {
            "description": "401 Thiếu mã truy cập hoặc mã không hợp lệ / Missing or invalid token",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Thiếu mã truy cập: gửi tiêu đề Authorization: Bearer <mã>.",
                  "status": 401
                }
              }
            }
          },
          "404": {
            "description": "404 Không có kế hoạch / No such plan",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Không có kế hoạch \"khong-co\".",
                  "status": 404
                }
              }
            }
          }
        },
        "operationId": "planTasks"
      }
    },
    "/api/v1/plans/{plan}/evaluation": {
      "get": {
        "summary": "Đánh giá kết quả một kỳ / Evaluation of a period",
        "parameters": [
          {
            "name": "plan",
            "in": "path",
            "required": true,
            "description": "Định danh (slug) hoặc mã kế hoạch đã mã hóa URL / The plan's slug or percent-encoded code",
            "schema": {
              "type": "string"
            },
            "example": "kh-cds-2024"
          },
          {
            "name": "period",
            "in": "query",
            "required": true,
            "description": "Mã kỳ / Period: 2024, 2024S1, 2024Q3, 202403, 2024N9",
            "schema": {
              "type": "string",
              "pattern": "^([0-9]{4}(S[12]|Q[1-4]|N9|0[1-9]|1[0-2])?|[0-9]{4}-[0-9]{2}-[0-9]{2}_[0-9]{4}-[0-9]{2}-[0-9]{2})$"
            },
            "example": "2024S1"
          },
          {
            "name": "unit",
            "in": "query",
            "required": false,
            "description": "Mã đơn vị, mặc định tỉnh ban hành / Unit, the issuer's province by default",
            "schema": {
              "type": "string"
            },
            "example": "34"
          },
          {
            "name": "asOf",
            "in": "query",
            "required": false,
            "description": "Ngày (YYYY-MM-DD): mã đơn vị chỉ đơn vị có hiệu lực ngày đó, mặc định ngày cuối kỳ / The unit a code names on that day, by default the period's last day",
            "schema": {
              "type": "string",
              "format": "date"
            },
            "example": "2025-07-01"
          },
          {
            "name": "unsubmitted",
            "in": "query",
            "required": false,
            "description": "true: kể cả số liệu chưa gửi (chỉ cơ quan thường trực, quản trị) / include unsubmitted figures (coordinators)",
            "schema": {
              "type": "string",
              "enum": [
                "true",
                "false",
                "1",
                "0"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Evaluation"
                }
              }
            }
          },
          "401": {
            "description": "401 Thiếu mã truy cập hoặc mã không hợp lệ / Missing or invalid token",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Thiếu mã truy cập: gửi tiêu đề Authorization: Bearer <mã>.",
                  "status": 401
                }
              }
            }
          },
          "400": {
            "description": "400 Tham số không hợp lệ / Bad parameter",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Mã kỳ báo cáo không hợp lệ: \"2024Q5\".",
                  "status": 400
                }
              }
            }
          },
          "403": {
            "description": "403 Ngoài phạm vi của tài khoản / Outside the account's scope",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Bạn không có quyền xem số liệu của đơn vị này.",
                  "status": 403
                }
              }
            }
          },
          "404": {
            "description": "404 Không có kế hoạch / No such plan",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Không có kế hoạch \"khong-co\".",
                  "status": 404
                }
              }
            }
          }
        },
        "operationId": "evaluation"
      }
    },
    "/api/v1/units": {
      "get": {
        "summary": "Các đơn vị trong phạm vi tài khoản / Units within the account's scope",
        "parameters": [],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Unit"
                  }
                }
              }
            }
          },
          "401": {
            "description": "401 Thiếu mã truy cập hoặc mã không hợp lệ / Missing or invalid token",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Thiếu mã truy cập: gửi tiêu đề Authorization: Bearer <mã>.",
                  "status": 401
                }
              }
            }
          }
        },
        "operationId": "units"
      }
    },
    "/api/v1/periods/{id}": {
      "get": {
        "summary": "Một kỳ báo cáo / A period",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "Mã kỳ / Period id",
            "schema": {
              "type": "string",
              "pattern": "^([0-9]{4}(S[12]|Q[1-4]|N9|0[1-9]|1[0-2])?|[0-9]{4}-[0-9]{2}-[0-9]{2}_[0-9]{4}-[0-9]{2}-[0-9]{2})$"
            },
            "example": "2024S1"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Period"
                }
              }
            }
          },
          "401": {
            "description": "401 Thiếu mã truy cập hoặc mã không hợp lệ / Missing or invalid token",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Thiếu mã truy cập: gửi tiêu đề Authorization: Bearer <mã>.",
                  "status": 401
                }
              }
            }
          },
          "400": {
            "description": "400 Tham số không hợp lệ / Bad parameter",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Mã kỳ báo cáo không hợp lệ: \"2024Q5\".",
                  "status": 400
                }
              }
            }
          }
        },
        "operationId": "period"
      }
    },
    "/api/v1/rankings/{scheme}": {
      "get": {
        "summary": "Xếp hạng theo bộ chỉ số / Ranking by scheme",
        "parameters": [
          {
            "name": "scheme",
            "in": "path",
            "required": true,
            "description": "Mã bộ chỉ số / Scheme code",
            "schema": {
              "type": "string"
            },
            "example": "sodtt-2024"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Ranking"
                }
              }
            }
          },
          "401": {
            "description": "401 Thiếu mã truy cập hoặc mã không hợp lệ / Missing or invalid token",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Thiếu mã truy cập: gửi tiêu đề Authorization: Bearer <mã>.",
                  "status": 401
                }
              }
            }
          },
          "404": {
            "description": "404 Không có bộ chỉ số / No such scheme",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Không tìm thấy bộ chỉ số dti-2023.",
                  "status": 404
                }
              }
            }
          }
        },
        "operationId": "ranking"
      }
    },
    "/api/v1/rounds": {
      "get": {
        "summary": "Các đợt báo cáo / Rounds",
        "parameters": [],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Round"
                  }
                }
              }
            }
          },
          "401": {
            "description": "401 Thiếu mã truy cập hoặc mã không hợp lệ / Missing or invalid token",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Thiếu mã truy cập: gửi tiêu đề Authorization: Bearer <mã>.",
                  "status": 401
                }
              }
            }
          }
        },
        "operationId": "rounds"
      }
    },
    "/api/v1/rounds/{round}/units/{unit}": {
      "get": {
        "summary": "Báo cáo của một đơn vị trong đợt / A unit's report in a round",
        "parameters": [
          {
            "name": "round",
            "in": "path",
            "required": true,
            "description": "Mã đợt báo cáo / Round code",
            "schema": {
              "type": "string"
            },
            "example": "bc-nam-2024"
          },
          {
            "name": "unit",
            "in": "path",
            "required": true,
            "description": "Mã đơn vị / Unit code",
            "schema": {
              "type": "string"
            },
            "example": "339"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UnitReport"
                }
              }
            }
          },
          "401": {
            "description": "401 Thiếu mã truy cập hoặc mã không hợp lệ / Missing or invalid token",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Thiếu mã truy cập: gửi tiêu đề Authorization: Bearer <mã>.",
                  "status": 401
                }
              }
            }
          },
          "403": {
            "description": "403 Ngoài phạm vi của tài khoản / Outside the account's scope",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Bạn không có quyền xem số liệu của đơn vị này.",
                  "status": 403
                }
              }
            }
          },
          "404": {
            "description": "404 Không có đợt hoặc đơn vị / No such round or unit",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Không có đợt báo cáo khong-co.",
                  "status": 404
                }
              }
            }
          }
        },
        "operationId": "unitReport"
      },
      "patch": {
        "summary": "Sửa số liệu (chỉ các khóa gửi lên) / Change figures (only the keys sent)",
        "parameters": [
          {
            "name": "round",
            "in": "path",
            "required": true,
            "description": "Mã đợt báo cáo / Round code",
            "schema": {
              "type": "string"
            },
            "example": "bc-nam-2024"
          },
          {
            "name": "unit",
            "in": "path",
            "required": true,
            "description": "Mã đơn vị / Unit code",
            "schema": {
              "type": "string"
            },
            "example": "339"
          }
        ],
        "responses": {
          "200": {
            "description": "Đã lưu / Saved",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UnitReport"
                }
              }
            }
          },
          "401": {
            "description": "401 Thiếu mã truy cập hoặc mã không hợp lệ / Missing or invalid token",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Thiếu mã truy cập: gửi tiêu đề Authorization: Bearer <mã>.",
                  "status": 401
                }
              }
            }
          },
          "400": {
            "description": "400 Tham số không hợp lệ / Bad parameter",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Mã kỳ báo cáo không hợp lệ: \"2024Q5\".",
                  "status": 400
                }
              }
            }
          },
          "403": {
            "description": "403 Ngoài phạm vi của tài khoản / Outside the account's scope",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Bạn không có quyền xem số liệu của đơn vị này.",
                  "status": 403
                }
              }
            }
          },
          "404": {
            "description": "404 Không có đợt hoặc đơn vị / No such round or unit",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Không có đợt báo cáo khong-co.",
                  "status": 404
                }
              }
            }
          },
          "409": {
            "description": "409 Báo cáo đã đổi từ phiên bản đã đọc / Changed since read",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Báo cáo đã được người khác sửa (phiên bản 4): tải lại rồi sửa tiếp.",
                  "status": 409
                }
              }
            }
          },
          "413": {
            "description": "413 Nội dung quá lớn / Body too large",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Nội dung yêu cầu quá lớn.",
                  "status": 413
                }
              }
            }
          },
          "422": {
            "description": "422 Số liệu không hợp lệ, không có gì được ghi / Invalid figures, nothing written",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Báo cáo có lỗi, chưa được lưu.",
                  "status": 422
                }
              }
            }
          }
        },
        "operationId": "patchUnitReport",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ReportPatch"
              },
              "example": {
                "version": 3,
                "values": [
                  {
                    "plan": "KH-CĐS-2024",
                    "indicator": "1",
                    "numerator": 1234,
                    "denominator": 1500
                  }
                ]
              }
            }
          }
        }
      }
    },
    "/api/v1/rounds/{round}/units/{unit}/{action}": {
      "post": {
        "summary": "Gửi, phê duyệt, trả lại, mở lại / Submit, approve, return, reopen",
        "parameters": [
          {
            "name": "round",
            "in": "path",
            "required": true,
            "description": "Mã đợt báo cáo / Round code",
            "schema": {
              "type": "string"
            },
            "example": "bc-nam-2024"
          },
          {
            "name": "unit",
            "in": "path",
            "required": true,
            "description": "Mã đơn vị / Unit code",
            "schema": {
              "type": "string"
            },
            "example": "339"
          },
          {
            "name": "action",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "enum": [
                "submit",
                "approve",
                "return",
                "reopen"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UnitReport"
                }
              }
            }
          },
          "401": {
            "description": "401 Thiếu mã truy cập hoặc mã không hợp lệ / Missing or invalid token",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Thiếu mã truy cập: gửi tiêu đề Authorization: Bearer <mã>.",
                  "status": 401
                }
              }
            }
          },
          "400": {
            "description": "400 Tham số không hợp lệ / Bad parameter",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Mã kỳ báo cáo không hợp lệ: \"2024Q5\".",
                  "status": 400
                }
              }
            }
          },
          "403": {
            "description": "403 Ngoài phạm vi của tài khoản / Outside the account's scope",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Bạn không có quyền xem số liệu của đơn vị này.",
                  "status": 403
                }
              }
            }
          },
          "404": {
            "description": "404 Không có đợt hoặc đơn vị / No such round or unit",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Không có đợt báo cáo khong-co.",
                  "status": 404
                }
              }
            }
          },
          "409": {
            "description": "409 Báo cáo đã đổi từ phiên bản đã đọc / Changed since read",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Báo cáo đã được người khác sửa (phiên bản 4): tải lại rồi sửa tiếp.",
                  "status": 409
                }
              }
            }
          },
          "422": {
            "description": "422 Số liệu không hợp lệ, không có gì được ghi / Invalid figures, nothing written",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Báo cáo có lỗi, chưa được lưu.",
                  "status": 422
                }
              }
            }
          }
        },
        "operationId": "unitReportAction",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/WorkflowBody"
              },
              "example": {
                "version": 3,
                "comment": "Bổ sung mẫu số chỉ tiêu 2"
              }
            }
          }
        }
      }
    },
    "/api/v1/rounds/{round}/completeness": {
      "get": {
        "summary": "Tình hình nộp báo cáo / Who has reported",
        "parameters": [
          {
            "name": "round",
            "in": "path",
            "required": true,
            "description": "Mã đợt báo cáo / Round code",
            "schema": {
              "type": "string"
            },
            "example": "bc-nam-2024"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/CompletenessRow"
                  }
                }
              }
            }
          },
          "401": {
            "description": "401 Thiếu mã truy cập hoặc mã không hợp lệ / Missing or invalid token",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Thiếu mã truy cập: gửi tiêu đề Authorization: Bearer <mã>.",
                  "status": 401
                }
              }
            }
          },
          "404": {
            "description": "404 Không có đợt hoặc đơn vị / No such round or unit",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Không có đợt báo cáo khong-co.",
                  "status": 404
                }
              }
            }
          }
        },
        "operationId": "completeness"
      }
    },
    "/api/v1/audit": {
      "get": {
        "summary": "Nhật ký thay đổi / Audit trail",
        "parameters": [
          {
            "name": "round",
            "in": "query",
            "required": false,
            "description": "Mã đợt / Round",
            "schema": {
              "type": "string"
            },
            "example": "bc-nam-2024"
          },
          {
            "name": "unit",
            "in": "query",
            "required": false,
            "description": "Mã đơn vị / Unit",
            "schema": {
              "type": "string"
            },
            "example": "339"
          },
          {
            "name": "indicator",
            "in": "query",
            "required": false,
            "description": "Mã chỉ tiêu / Indicator",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "subject",
            "in": "query",
            "required": false,
            "description": "Đối tượng / Subject",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/AuditEntry"
                  }
                }
              }
            }
          },
          "401": {
            "description": "401 Thiếu mã truy cập hoặc mã không hợp lệ / Missing or invalid token",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Thiếu mã truy cập: gửi tiêu đề Authorization: Bearer <mã>.",
                  "status": 401
                }
              }
            }
          },
          "403": {
            "description": "403 Ngoài phạm vi của tài khoản / Outside the account's scope",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Bạn không có quyền xem số liệu của đơn vị này.",
                  "status": 403
                }
              }
            }
          },
          "404": {
            "description": "404 Không có đợt hoặc đơn vị / No such round or unit",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Không có đợt báo cáo khong-co.",
                  "status": 404
                }
              }
            }
          }
        },
        "operationId": "audit"
      }
    },
    "/api/v1/dataValueSets": {
      "get": {
        "summary": "Số liệu đã tính của một kế hoạch theo dạng DHIS2 (dataValueSets JSON, hoặc ADX với Accept: application/adx+xml) / A plan's counted figures as DHIS2 data value sets (or ADX)",
        "description": "Mã là mã của dxtrack (idScheme CODE). Tỷ lệ đi thành hai phần tử dữ liệu MÃ_NUM và MÃ_DEN. Kỳ 9 tháng và khoảng ngày tự chọn không có trong DHIS2 nên không được trả về. / Codes are dxtrack's (idScheme CODE); a rate travels as CODE_NUM and CODE_DEN; nine-month and date-range periods have no DHIS2 type and are left out.",
        "parameters": [
          {
            "name": "plan",
            "in": "query",
            "required": true,
            "description": "Mã hoặc slug của kế hoạch / Plan code or slug",
            "schema": {
              "type": "string"
            },
            "example": "kh-cds-2024"
          },
          {
            "name": "period",
            "in": "query",
            "required": false,
            "description": "Kỳ theo DHIS2 / DHIS2 period (2024, 2024S1, 2024Q1, 202401)",
            "schema": {
              "type": "string"
            },
            "example": "2024S1"
          },
          {
            "name": "orgUnit",
            "in": "query",
            "required": false,
            "description": "Mã đơn vị; mặc định mọi đơn vị trong phạm vi / Unit code; every unit in scope by default",
            "schema": {
              "type": "string"
            },
            "example": "339"
          },
          {
            "name": "children",
            "in": "query",
            "required": false,
            "description": "Cả các đơn vị cấp dưới của orgUnit / Include orgUnit's subtree",
            "schema": {
              "type": "string",
              "enum": [
                "true",
                "false"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DataValueSet"
                },
                "example": {
                  "dataSet": "KH-CĐS-2024",
                  "idScheme": "CODE",
                  "dataElementIdScheme": "CODE",
                  "orgUnitIdScheme": "CODE",
                  "dataValues": [
                    {
                      "dataElement": "1_NUM",
                      "period": "2024S1",
                      "orgUnit": "339",
                      "value": "1234"
                    },
                    {
                      "dataElement": "1_DEN",
                      "period": "2024S1",
                      "orgUnit": "339",
                      "value": "1500"
                    }
                  ]
                }
              },
              "application/adx+xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "400 Tham số không hợp lệ / Bad parameter",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Tham số period: kỳ 9 tháng đầu năm 2024 (2024N9) là kỳ cộng dồn 9 tháng, DHIS2 không có loại kỳ này.",
                  "status": 400
                }
              }
            }
          },
          "401": {
            "description": "401 Thiếu mã truy cập hoặc mã không hợp lệ / Missing or invalid token",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Thiếu mã truy cập: gửi tiêu đề Authorization: Bearer <mã>.",
                  "status": 401
                }
              }
            }
          },
          "403": {
            "description": "403 Ngoài phạm vi của tài khoản / Outside the account's scope",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Bạn không có quyền xem dữ liệu của đơn vị này.",
                  "status": 403
                }
              }
            }
          },
          "404": {
            "description": "404 Không có kế hoạch hoặc đơn vị / No such plan or unit",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Không có kế hoạch \"kh-khong-co\".",
                  "status": 404
                }
              }
            }
          }
        },
        "operationId": "getDataValueSets"
      },
      "post": {
        "summary": "Nhập số liệu dạng DHIS2 (dataValueSets JSON hoặc ADX), một giao dịch / Import DHIS2 data value sets (JSON or ADX), one transaction",
        "description": "Nội dung được nhận theo hình dạng (đối tượng JSON hoặc XML <adx>). Mã là mã của dxtrack; kế hoạch là tham số plan hoặc dataSet của tệp. Người báo cáo chỉ ghi được số liệu của đơn vị mình; báo cáo đã gửi lên phải được mở lại trước. Có một lỗi thì không ghi gì. / The body is recognised by its shape; codes are dxtrack's; the plan is ?plan= or the file's dataSet. A reporter writes only their own unit's figures; a report already sent must be reopened first. One error and nothing is written.",
        "parameters": [
          {
            "name": "plan",
            "in": "query",
            "required": false,
            "description": "Kế hoạch của các số liệu, nếu tệp không ghi dataSet / The plan, when the file has no dataSet",
            "schema": {
              "type": "string"
            },
            "example": "KH-CĐS-2024"
          },
          {
            "name": "dryRun",
            "in": "query",
            "required": false,
            "description": "Chỉ kiểm tra, không ghi / Check only, write nothing",
            "schema": {
              "type": "string",
              "enum": [
                "true",
                "false"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Đã nhập / Imported",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ImportSummary"
                },
                "example": {
                  "responseType": "ImportSummary",
                  "status": "SUCCESS",
                  "description": "Đã nhập: 1 thêm mới, 0 cập nhật, 0 không đổi.",
                  "importCount": {
                    "imported": 1,
                    "updated": 0,
                    "ignored": 0,
                    "deleted": 0
                  },
                  "conflicts": []
                }
              }
            }
          },
          "400": {
            "description": "400 Nội dung không đọc được / Unreadable body",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ImportSummary"
                },
                "example": {
                  "responseType": "ImportSummary",
                  "status": "ERROR",
                  "description": "Tệp không phải JSON hợp lệ (dataValueSets của DHIS2).",
                  "importCount": {
                    "imported": 0,
                    "updated": 0,
                    "ignored": 0,
                    "deleted": 0
                  },
                  "conflicts": []
                }
              }
            }
          },
          "401": {
            "description": "401 Thiếu mã truy cập hoặc mã không hợp lệ / Missing or invalid token",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Thiếu mã truy cập: gửi tiêu đề Authorization: Bearer <mã>.",
                  "status": 401
                }
              }
            }
          },
          "403": {
            "description": "403 Đơn vị ngoài phạm vi của tài khoản, không ghi gì / A unit outside the account's scope, nothing written",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ImportSummary"
                },
                "example": {
                  "responseType": "ImportSummary",
                  "status": "ERROR",
                  "description": "Bạn không có quyền nhập, sửa số liệu của đơn vị này.",
                  "importCount": {
                    "imported": 0,
                    "updated": 0,
                    "ignored": 0,
                    "deleted": 0
                  },
                  "conflicts": [
                    {
                      "object": "orgUnit 340",
                      "value": "Đơn vị 340 ngoài phạm vi của tài khoản: Bạn không có quyền nhập, sửa số liệu của đơn vị này."
                    }
                  ]
                }
              }
            }
          },
          "409": {
            "description": "409 Số liệu bị từ chối, không ghi gì / Figures refused, nothing written",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ImportSummary"
                },
                "example": {
                  "responseType": "ImportSummary",
                  "status": "ERROR",
                  "description": "Có 1 lỗi, không nhập gì.",
                  "importCount": {
                    "imported": 0,
                    "updated": 0,
                    "ignored": 0,
                    "deleted": 0
                  },
                  "conflicts": [
                    {
                      "object": "dataValues[2]",
                      "value": "Số liệu KH-CĐS-2024 / 1 / 999 / 2024S1: không có đơn vị mã 999"
                    }
                  ]
                }
              }
            }
          },
          "413": {
            "description": "413 Nội dung quá lớn / Body too large",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "Nội dung yêu cầu quá lớn.",
                  "status": 413
                }
              }
            }
          }
        },
        "operationId": "postDataValueSets",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/DataValueSet"
              },
              "example": {
                "dataSet": "KH-CĐS-2024",
                "period": "2024S1",
                "orgUnit": "339",
                "dataValues": [
                  {
                    "dataElement": "1_NUM",
                    "value": "1234"
                  },
                  {
                    "dataElement": "1_DEN",
                    "value": "1500",
                    "comment": "Số liệu từ hệ thống một cửa"
                  }
                ]
              }
            },
            "application/adx+xml": {
              "schema": {
                "type": "string"
              },
              "example": "<adx xmlns=\"urn:ihe:qrph:adx:2015\"><group orgUnit=\"339\" period=\"2024-01-01/P6M\" dataSet=\"KH-CĐS-2024\"><dataValue dataElement=\"1_NUM\" value=\"1234\"/><dataValue dataElement=\"1_DEN\" value=\"1500\"/></group></adx>"
            }
          }
        }
      }
    }
  },
  "components": {
    "schemas": {
      "DataValueSet": {
        "type": "object",
        "description": "dataValueSets của DHIS2 / DHIS2's data value set",
        "properties": {
          "dataSet": {
            "type": "string",
            "description": "Mã kế hoạch / Plan code"
          },
          "period": {
            "type": "string",
            "description": "Kỳ mặc định / Default period"
          },
          "orgUnit": {
            "type": "string",
            "description": "Đơn vị mặc định / Default unit"
          },
          "completeDate": {
            "type": "string"
          },
          "attributeOptionCombo": {
            "type": "string"
          },
          "idScheme": {
            "type": "string"
          },
          "dataElementIdScheme": {
            "type": "string"
          },
          "orgUnitIdScheme": {
            "type": "string"
          },
          "dataValues": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/DataValue"
            }
          }
        },
        "required": [
          "dataValues"
        ]
      },
      "DataValue": {
        "type": "object",
        "properties": {
          "dataElement": {
            "type": "string",
            "description": "Mã chỉ tiêu, thêm _NUM, _DEN, _TEXT, _JUDGEMENT cho tử số, mẫu số, kết quả, đánh giá / Indicator code, with a suffix for a part"
          },
          "period": {
            "type": "string"
          },
          "orgUnit": {
            "type": "string"
          },
          "categoryOptionCombo": {
            "type": "string"
          },
          "attributeOptionCombo": {
            "type": "string"
          },
          "value": {
            "type": [
              "string",
              "number"
            ]
          },
          "comment": {
            "type": "string"
          },
          "storedBy": {
            "type": "string"
          },
          "lastUpdated": {
            "type": "string"
          },
          "created": {
            "type": "string"
          },
          "followup": {
            "type": "boolean"
          },
          "deleted": {
            "type": "boolean"
          }
        },
        "required": [
          "dataElement"
        ]
      },
      "ImportSummary": {
        "type": "object",
        "description": "Tóm tắt nhập như DHIS2; số đếm là số liệu của dxtrack (một tỷ lệ là một số liệu) / DHIS2's import summary; counts are dxtrack values (a rate is one)",
        "properties": {
          "responseType": {
            "type": "string",
            "enum": [
              "ImportSummary"
            ]
          },
          "status": {
            "type": "string",
            "enum": [
              "SUCCESS",
              "ERROR"
            ]
          },
          "description": {
            "type": "string"
          },
          "importCount": {
            "type": "object",
            "properties": {
              "imported": {
                "type": "integer"
              },
              "updated": {
                "type": "integer"
              },
              "ignored": {
                "type": "integer"
              },
              "deleted": {
                "type": "integer"
              }
            },
            "required": [
              "imported",
              "updated",
              "ignored",
              "deleted"
            ]
          },
          "conflicts": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "object": {
                  "type": "string",
                  "description": "Chỗ sai / Where"
                },
                "value": {
                  "type": "string",
                  "description": "Lý do, tiếng Việt / Why, in Vietnamese"
                }
              },
              "required": [
                "object",
                "value"
              ]
            }
          }
        },
        "required": [
          "responseType",
          "status",
          "description",
          "importCount",
          "conflicts"
        ]
      },
      "Error": {
        "type": "object",
        "properties": {
          "error": {
            "type": "string",
            "description": "Một câu tiếng Việt nói điều gì sai và ở đâu / One Vietnamese sentence"
          },
          "status": {
            "type": "integer"
          },
          "errors": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/FieldIssue"
            }
          }
        },
        "required": [
          "error",
          "status"
        ]
      },
      "FieldIssue": {
        "type": "object",
        "properties": {
          "path": {
            "type": "string",
            "example": "values[0].numerator"
          },
          "message": {
            "type": "string"
          },
          "severity": {
            "type": "string",
            "enum": [
              "error",
              "warning"
            ]
          }
        },
        "required": [
          "path",
          "message",
          "severity"
        ]
      },
      "UnitRef": {
        "type": "object",
        "properties": {
          "code": {
            "type": "string"
          },
          "name": {
            "type": "string"
          }
        },
        "required": [
          "code",
          "name"
        ]
      },
      "Me": {
        "type": "object",
        "properties": {
          "username": {
            "type": "string"
          },
          "displayName": {
            "type": "string"
          },
          "role": {
            "type": "string",
            "enum": [
              "administrator",
              "coordinator",
              "reporter",
              "viewer",
              "approver"
            ]
          },
          "unit": {
            "$ref": "#/components/schemas/UnitRef"
          }
        },
        "required": [
          "username",
          "displayName",
          "role",
          "unit"
        ]
      },
      "Round": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "code": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "period": {
            "type": "string"
          },
          "periodLabel": {
            "type": "string"
          },
          "deadline": {
            "type": "string",
            "format": "date"
          },
          "status": {
            "type": "string",
            "enum": [
              "open",
              "locked",
              "closed"
            ]
          },
          "plans": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "deadlines": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          },
          "lockDate": {
            "type": [
              "string",
              "null"
            ]
          },
          "unitApproval": {
            "type": "boolean"
          },
          "reminderDays": {
            "type": "array",
            "description": "Days before the deadline on which units that have not submitted are reminded by notice.",
            "items": {
              "type": "integer",
              "minimum": 0,
              "maximum": 60
            }
          }
        },
        "required": [
          "id",
          "code",
          "title",
          "period",
          "periodLabel",
          "deadline",
          "status",
          "plans",
          "deadlines",
          "unitApproval",
          "reminderDays"
        ]
      },
      "Plan": {
        "type": "object",
        "properties": {
          "code": {
            "type": "string"
          },
          "slug": {
            "type": "string"
          },
          "kind": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "issuer": {
            "type": "string"
          },
          "issued": {
            "type": [
              "string",
              "null"
            ]
          },
          "horizonFrom": {
            "type": "integer"
          },
          "horizonTo": {
            "type": "integer"
          },
          "indicatorCount": {
            "type": "integer"
          },
          "taskCount": {
            "type": "integer"
          }
        },
        "required": [
          "code",
          "slug",
          "kind",
          "title",
          "issuer",
          "horizonFrom",
          "horizonTo",
          "indicatorCount",
          "taskCount"
        ]
      },
      "Unit": {
        "type": "object",
        "properties": {
          "code": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "kind": {
            "type": "string",
            "enum": [
              "province",
              "department",
              "district",
              "commune",
              "other"
            ]
          },
          "parentCode": {
            "type": "string"
          },
          "validFrom": {
            "type": "string",
            "format": "date"
          },
          "validTo": {
            "type": "string",
            "format": "date"
          },
          "successorCode": {
            "type": "string"
          }
        },
        "required": [
          "code",
          "name",
          "kind"
        ]
      },
      "Period": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "type": {
            "type": "string"
          },
          "label": {
            "type": "string"
          },
          "labelEN": {
            "type": "string"
          },
          "start": {
            "type": "string",
            "format": "date"
          },
          "end": {
            "type": "string",
            "format": "date"
          },
          "cutOffFrom": {
            "type": "string",
            "format": "date"
          },
          "cutOffTo": {
            "type": "string",
            "format": "date"
          }
        },
        "required": [
          "id",
          "type",
          "label",
          "labelEN",
          "start",
          "end",
          "cutOffFrom",
          "cutOffTo"
        ]
      },
      "Target": {
        "type": "object",
        "properties": {
          "year": {
            "type": "integer"
          },
          "level": {
            "type": "string"
          },
          "comparator": {
            "type": "string"
          },
          "value": {
            "type": [
              "number",
              "null"
            ]
          },
          "upper": {
            "type": [
              "number",
              "null"
            ]
          },
          "text": {
            "type": "string"
          }
        },
        "required": [
          "year",
          "level",
          "comparator",
          "text"
        ]
      },
      "Indicator": {
        "type": "object",
        "properties": {
          "code": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "pillarCode": {
            "type": [
              "string",
              "null"
            ]
          },
          "measure": {
            "type": "string",
            "enum": [
              "rate",
              "count",
              "amount",
              "qualitative",
              "rank"
            ]
          },
          "aggregation": {
            "type": "string"
          },
          "temporal": {
            "type": "string"
          },
          "direction": {
            "type": "string"
          },
          "unitOfMeasure": {
            "type": [
              "string",
              "null"
            ]
          },
          "numeratorDefinition": {
            "type": [
              "string",
              "null"
            ]
          },
          "denominatorDefinition": {
            "type": [
              "string",
              "null"
            ]
          },
          "allowsOverHundred": {
            "type": "boolean"
          },
          "allowsZeroDenominator": {
            "type": "boolean",
            "description": "0/0 được phép (kỳ không phát sinh) / 0/0 allowed: nothing happened in the period"
          },
          "targets": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Target"
            }
          }
        },
        "required": [
          "code",
          "name",
          "measure",
          "aggregation",
          "temporal",
          "targets"
        ]
      },
      "Task": {
        "type": "object",
        "properties": {
          "code": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "pillarCode": {
            "type": [
              "string",
              "null"
            ]
          },
          "leadUnitCode": {
            "type": [
              "string",
              "null"
            ]
          },
          "leadText": {
            "type": "string"
          },
          "cooperatingUnitCodes": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "cooperatingText": {
            "type": "string"
          },
          "deadline": {
            "type": [
              "string",
              "null"
            ]
          },
          "deadlineText": {
            "type": "string"
          },
          "subItems": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "evidence": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        },
        "required": [
          "code",
          "title"
        ]
      },
      "Evaluation": {
        "type": "object",
        "properties": {
          "plan": {
            "type": "string"
          },
          "planTitle": {
            "type": "string"
          },
          "period": {
            "type": "string"
          },
          "periodLabel": {
            "type": "string"
          },
          "unit": {
            "$ref": "#/components/schemas/UnitRef"
          },
          "includesUnsubmitted": {
            "type": "boolean",
            "description": "true: kể cả số liệu chưa gửi, không phải số liệu chính thức / includes unsubmitted figures"
          },
          "dataReadAt": {
            "type": "string",
            "description": "Thời điểm đọc số liệu (ISO 8601, giờ Việt Nam) / When the figures were read"
          },
          "lineage": {
            "type": "array",
            "description": "Kỳ trước khi đơn vị được thành lập: số liệu tính từ các đơn vị tiền thân nào, đơn vị nào chưa có số liệu / For periods before the unit existed: which predecessors the figures come from, which had none",
            "items": {
              "type": "string"
            }
          },
          "indicators": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "code": {
                  "type": "string"
                },
                "name": {
                  "type": "string"
                },
                "pillar": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "measure": {
                  "type": "string"
                },
                "target": {
                  "oneOf": [
                    {
                      "type": "null"
                    },
                    {
                      "type": "object",
                      "properties": {
                        "year": {
                          "type": "integer"
                        },
                        "level": {
                          "type": "string"
                        },
                        "comparator": {
                          "type": "string"
                        },
                        "value": {
                          "type": [
                            "number",
                            "null"
                          ]
                        },
                        "upper": {
                          "type": [
                            "number",
                            "null"
                          ]
                        },
                        "text": {
                          "type": "string"
                        },
                        "label": {
                          "type": "string"
                        }
                      },
                      "required": [
                        "year",
                        "label"
                      ]
                    }
                  ]
                },
                "value": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "numerator": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "denominator": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "text": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "source": {
                  "type": "string",
                  "enum": [
                    "reported",
                    "aggregated",
                    "missing"
                  ]
                },
                "coverage": {
                  "type": "object",
                  "properties": {
                    "expected": {
                      "type": "integer"
                    },
                    "reporting": {
                      "type": "integer"
                    },
                    "missing": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    },
                    "label": {
                      "type": "string"
                    }
                  },
                  "required": [
                    "expected",
                    "reporting",
                    "missing",
                    "label"
                  ]
                },
                "evaluation": {
                  "type": "string"
                },
                "evaluationLabel": {
                  "type": "string"
                },
                "percentOfTarget": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "contradictsJudgement": {
                  "type": "boolean"
                }
              },
              "required": [
                "code",
                "name",
                "measure",
                "source",
                "coverage",
                "evaluation",
                "evaluationLabel"
              ]
            }
          },
          "summary": {
            "type": "object",
            "properties": {
              "total": {
                "type": "integer"
              },
              "met": {
                "type": "integer"
              },
              "partlyMetFrom50": {
                "type": "integer"
              },
              "below50": {
                "type": "integer"
              },
              "partlyMetUnstated": {
                "type": "integer"
              },
              "notMet": {
                "type": "integer"
              },
              "notEvaluable": {
                "type": "integer"
              },
              "sentences": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              }
            },
            "required": [
              "total",
              "met",
              "sentences"
            ]
          },
          "tasks": {
            "type": "object",
            "properties": {
              "inScope": {
                "type": "integer"
              },
              "byStatus": {
                "type": "object",
                "additionalProperties": {
                  "type": "integer"
                }
              },
              "overdue": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "sentences": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "byPillar": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              }
            },
            "required": [
              "inScope",
              "byStatus",
              "overdue",
              "sentences"
            ]
          }
        },
        "required": [
          "plan",
          "period",
          "unit",
          "indicators",
          "summary",
          "tasks",
          "includesUnsubmitted"
        ]
      },
      "Ranking": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "level": {
              "type": "string"
            },
            "name": {
              "type": "string"
            },
            "units": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "unit": {
                    "type": "string"
                  },
                  "rank": {
                    "type": [
                      "integer",
                      "null"
                    ]
                  },
                  "total": {
                    "type": "number"
                  },
                  "points": {
                    "type": "number"
                  },
                  "indices": {
                    "type": "object",
                    "additionalProperties": {
                      "type": [
                        "number",
                        "null"
                      ]
                    }
                  }
                },
                "required": [
                  "unit",
                  "total",
                  "points",
                  "indices"
                ]
              }
            }
          },
          "required": [
            "level",
            "name",
            "units"
          ]
        }
      },
      "FormCell": {
        "oneOf": [
          {
            "type": "number"
          },
          {
            "type": "string"
          },
          {
            "type": "null"
          }
        ]
      },
      "UnitReport": {
        "type": "object",
        "properties": {
          "round": {
            "type": "string"
          },
          "roundId": {
            "type": "string"
          },
          "unit": {
            "$ref": "#/components/schemas/UnitRef"
          },
          "state": {
            "type": "string",
            "enum": [
              "notStarted",
              "draft",
              "awaitingApproval",
              "submitted",
              "returned",
              "approved"
            ]
          },
          "version": {
            "type": "integer",
            "description": "Gửi lại trong PATCH để tránh ghi đè / Send back with PATCH: optimistic locking"
          },
          "deadline": {
            "type": "string",
            "format": "date"
          },
          "late": {
            "type": "boolean"
          },
          "submittedAt": {
            "type": [
              "string",
              "null"
            ]
          },
          "returnComment": {
            "type": [
              "string",
              "null"
            ]
          },
          "values": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "plan": {
                  "type": "string"
                },
                "indicator": {
                  "type": "string"
                },
                "measure": {
                  "type": "string"
                },
                "numerator": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "denominator": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "value": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "judgement": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "text": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "comment": {
                  "type": [
                    "string",
                    "null"
                  ]
                }
              },
              "required": [
                "plan",
                "indicator",
                "measure"
              ]
            }
          },
          "tasks": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "plan": {
                  "type": "string"
                },
                "task": {
                  "type": "string"
                },
                "status": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "percent": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "result": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "evidence": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "note": {
                  "type": [
                    "string",
                    "null"
                  ]
                }
              },
              "required": [
                "plan",
                "task"
              ]
            }
          },
          "forms": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "form": {
                  "type": "string"
                },
                "row": {
                  "type": "string"
                },
                "label": {
                  "type": "string"
                },
                "cells": {
                  "type": "object",
                  "additionalProperties": {
                    "$ref": "#/components/schemas/FormCell"
                  }
                },
                "computed": {
                  "type": "object",
                  "additionalProperties": {
                    "type": [
                      "number",
                      "null"
                    ]
                  }
                }
              },
              "required": [
                "form",
                "row",
                "label",
                "cells",
                "computed"
              ]
            }
          },
          "narrative": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          },
          "sections": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "warnings": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/FieldIssue"
            }
          }
        },
        "required": [
          "round",
          "roundId",
          "unit",
          "state",
          "version",
          "deadline",
          "late",
          "values",
          "tasks",
          "forms",
          "narrative",
          "sections",
          "warnings"
        ]
      },
      "ReportPatch": {
        "type": "object",
        "properties": {
          "version": {
            "type": "integer",
            "description": "Phiên bản đã đọc / The version read"
          },
          "values": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "plan": {
                  "type": "string"
                },
                "indicator": {
                  "type": "string"
                },
                "numerator": {
                  "type": [
                    "number",
                    "string",
                    "null"
                  ]
                },
                "denominator": {
                  "type": [
                    "number",
                    "string",
                    "null"
                  ]
                },
                "value": {
                  "type": [
                    "number",
                    "string",
                    "null"
                  ]
                },
                "judgement": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "text": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "comment": {
                  "type": [
                    "string",
                    "null"
                  ]
                }
              },
              "required": [
                "indicator"
              ]
            }
          },
          "tasks": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "plan": {
                  "type": "string"
                },
                "task": {
                  "type": "string"
                },
                "status": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "percent": {
                  "type": [
                    "number",
                    "string",
                    "null"
                  ]
                },
                "result": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "evidence": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "note": {
                  "type": [
                    "string",
                    "null"
                  ]
                }
              },
              "required": [
                "task"
              ]
            }
          },
          "narrative": {
            "type": "object",
            "additionalProperties": {
              "type": [
                "string",
                "null"
              ]
            }
          },
          "forms": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "form": {
                  "type": "string"
                },
                "row": {
                  "type": "string"
                },
                "cells": {
                  "type": "object",
                  "additionalProperties": {
                    "$ref": "#/components/schemas/FormCell"
                  }
                }
              },
              "required": [
                "form",
                "row"
              ]
            }
          }
        },
        "required": [
          "version"
        ]
      },
      "WorkflowBody": {
        "type": "object",
        "properties": {
          "version": {
            "type": "integer"
          },
          "comment": {
            "type": "string",
            "description": "Lý do khi trả lại / The reason when returning"
          }
        }
      },
      "CompletenessRow": {
        "type": "object",
        "properties": {
          "unit": {
            "type": "string"
          },
          "unitName": {
            "type": "string"
          },
          "state": {
            "type": "string"
          },
          "timeliness": {
            "type": "string"
          },
          "deadline": {
            "type": "string",
            "format": "date"
          },
          "submittedAt": {
            "type": "string"
          },
          "late": {
            "type": "boolean"
          },
          "overdue": {
            "type": "boolean"
          }
        },
        "required": [
          "unit",
          "unitName",
          "state",
          "timeliness",
          "deadline",
          "late",
          "overdue"
        ]
      },
      "AuditEntry": {
        "type": "object",
        "properties": {
          "user": {
            "type": "string"
          },
          "at": {
            "type": "string",
            "format": "date-time"
          },
          "field": {
            "type": "string"
          },
          "old": {
            "type": "string"
          },
          "new": {
            "type": "string"
          },
          "subject": {
            "type": "string"
          },
          "code": {
            "type": "string"
          },
          "round": {
            "type": "string"
          },
          "unit": {
            "type": "string"
          },
          "plan": {
            "type": "string"
          },
          "ip": {
            "type": "string"
          },
          "version": {
            "type": "integer"
          }
        },
        "required": [
          "user",
          "at",
          "field",
          "subject"
        ]
      }
    },
    "securitySchemes": {
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "description": "dxtrack token create --user TÊN / Token from `dxtrack token create --user NAME`"
      }
    }
  }
}
"""#
}
