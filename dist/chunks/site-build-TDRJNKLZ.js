import { createRequire as __firstlineRequire } from "node:module"; const require = __firstlineRequire(import.meta.url);
import{d as Pt}from"./chunk-WLYU2SGC.js";import{c as xt,l as Ot}from"./chunk-XFHAQUTY.js";import{a as Nt}from"./chunk-C7LSCAKQ.js";import{a as _,b as Z,c as q}from"./chunk-WXNZI4KO.js";import{d as mt}from"./chunk-UWH4R3IE.js";import"./chunk-HHGANE4H.js";import{b as ht,c as N,d as Lt,e as W,f as ct,g as ut,h as pt}from"./chunk-WVI554K5.js";import{a as Ut,c as X,d as zt,e as jt,f as J,h as Ht,j as Bt,k as Vt}from"./chunk-7EKSEH2Z.js";import{a as Ft}from"./chunk-M4JMZP7O.js";import{b as Ct}from"./chunk-4T5V5AJZ.js";import"./chunk-72GMCEE4.js";import{H as Mt,f as dt,x as $t,z as y}from"./chunk-PQ6VZBLO.js";import"./chunk-TCGERW5X.js";var fe=(function(t){return t.DAILY="DAILY",t.HOURLY="HOURLY",t.MINUTELY="MINUTELY",t.MONTHLY="MONTHLY",t.SECONDLY="SECONDLY",t.WEEKLY="WEEKLY",t.YEARLY="YEARLY",t})({}),ar=(function(t){return t.AUTOMATIC="AUTOMATIC",t.DISABLED="DISABLED",t.ENABLED="ENABLED",t})({}),ir=(function(t){return t.BICYCLE="BICYCLE",t.CAR="CAR",t.TRANSIT="TRANSIT",t.WALKING="WALKING",t})({}),Yt=(function(t){return t.FR="FR",t.MO="MO",t.SA="SA",t.SU="SU",t.TH="TH",t.TU="TU",t.WE="WE",t})({});function E(t,e,r){if(Array.isArray(e))t.x=e.map(i=>{if(Array.isArray(i))return i;if(typeof i.key!="string"||typeof i.value!="string")throw Error("Either key or value is not a string!");if(i.key.substr(0,2)!=="X-")throw Error("Key has to start with `X-`!");return[i.key,i.value]});else if(typeof e=="object")t.x=Object.entries(e).map(([i,a])=>{if(typeof i!="string"||typeof a!="string")throw Error("Either key or value is not a string!");if(i.substr(0,2)!=="X-")throw Error("Key has to start with `X-`!");return[i,a]});else if(typeof e=="string"&&typeof r=="string"){if(e.substr(0,2)!=="X-")throw Error("Key has to start with `X-`!");t.x.push([e,r])}else return t.x.map(i=>({key:i[0],value:i[1]}))}function R(t,e){if(t instanceof Date&&isNaN(t.getTime())||typeof t=="string"&&isNaN(new Date(t).getTime()))throw Error(`\`${e}\` has to be a valid date!`);if(t instanceof Date||typeof t=="string"||typeof t=="object"&&t&&(C(t)||M(t)||B(t)||rt(t))||Q(t)&&t.isValid===!0||(tt(t)||ye(t))&&t.isValid())return t;throw Error(`\`${e}\` has to be a valid date!`)}function S(t,e){let r=Object.values(t),i=String(e).toUpperCase();if(!i||!r.includes(i))throw Error(`Input must be one of the following: ${r.join(", ")}`);return i}function H(t,e){let r=null;if(typeof e=="string"){let i=e.match(/^(.+) ?<([^>]+)>$/);i?r={email:i[2].trim(),name:i[1].trim()}:e.includes("@")&&(r={email:e.trim(),name:e.trim()})}else typeof e=="object"&&(r={email:e.email,mailto:e.mailto,name:e.name,sentBy:e.sentBy});if(!r&&typeof e=="string")throw Error("`"+t+"` isn't formated correctly. See https://sebbo2002.github.io/ical-generator/develop/reference/interfaces/ICalOrganizer.html");if(!r)throw Error("`"+t+"` needs to be a valid formed string or an object. See https://sebbo2002.github.io/ical-generator/develop/reference/interfaces/ICalOrganizer.html");if(!r.name)throw Error("`"+t+".name` is empty!");if(!r.email)throw Error("`"+t+".email` is empty!");return r}function u(t,e){return String(t).replace(e?/[\\"]/g:/[\\;,]/g,function(r){return"\\"+r}).replace(/(?:\r\n|\r|\n)/g,"\\n")}function ge(t){return t.split(`\r
`).map(function(e){let r="",i=0;for(let a=0;a<e.length;a++){let n=e.charAt(a);n>="\uD800"&&n<="\uDBFF"&&(n+=e.charAt(++a));let o=new TextEncoder().encode(n).length;i+=o,i>74&&(r+=`\r
 `,i=o),r+=n}return r}).join(`\r
`)}function b(t,e,r,i){if(t?.startsWith("/")&&(t=t.substr(1)),typeof e=="string"||e instanceof Date){let a=be(e)?e.withTimeZone(t):new Date(e),n=a.getUTCFullYear().toString().padStart(4,"0")+String(a.getUTCMonth()+1).padStart(2,"0")+a.getUTCDate().toString().padStart(2,"0");return t&&(n=a.getFullYear().toString().padStart(2,"0")+String(a.getMonth()+1).padStart(2,"0")+a.getDate().toString().padStart(2,"0")),r?n:t?(n+="T"+a.getHours().toString().padStart(2,"0")+a.getMinutes().toString().padStart(2,"0")+a.getSeconds().toString().padStart(2,"0"),n):(n+="T"+a.getUTCHours().toString().padStart(2,"0")+a.getUTCMinutes().toString().padStart(2,"0")+a.getUTCSeconds().toString().padStart(2,"0")+(i?"":"Z"),n)}else if(tt(e)){let a=t?Gt(e)&&!e.tz()?e.clone().tz(t):e:i||r&&Gt(e)&&e.tz()?e:e.utc();return a.format("YYYYMMDD")+(r?"":"T"+a.format("HHmmss")+(i||t?"":"Z"))}else if(Q(e)){let a=t?e.setZone(t):i||r&&e.zone.type!=="system"?e:e.setZone("utc");return a.toFormat("yyyyLLdd")+(r?"":"T"+a.toFormat("HHmmss")+(i||t?"":"Z"))}else if(C(e)){let a=e;return t&&(a=e.withTimeZone(e.timeZoneId)),!t&&e.timeZoneId!=="UTC"&&(a=e.withTimeZone("UTC")),b(null,a.toPlainDateTime(),r,i||!!t)}else if(M(e)){if(r)return e.year.toString().padStart(4,"0")+e.month.toString().padStart(2,"0")+e.day.toString().padStart(2,"0");if(t){let a=e.toZonedDateTime(t);return b(t,a,r,i)}return e.year.toString().padStart(4,"0")+e.month.toString().padStart(2,"0")+e.day.toString().padStart(2,"0")+"T"+e.hour.toString().padStart(2,"0")+e.minute.toString().padStart(2,"0")+e.second.toString().padStart(2,"0")+(i||t?"":"Z")}else{if(B(e))return e.year.toString().padStart(4,"0")+e.month.toString().padStart(2,"0")+e.day.toString().padStart(2,"0")+(r?"":"T000000"+(i||t?"":"Z"));if(rt(e)){let a=t||"UTC",n=e.toZonedDateTimeISO(a);return b(t,n,r,i)}else{let a=e;if(t)a=typeof e.tz=="function"?e.tz(t):e;else if(!i)if(typeof e.utc=="function")a=e.utc();else throw Error("Unable to convert dayjs object to UTC value: UTC plugin is not available!");return a.format("YYYYMMDD")+(r?"":"T"+a.format("HHmmss")+(i||t?"":"Z"))}}}function ft(t,e,r,i){let a="",n=i?.floating||!1;return i?.timezone&&(a=";TZID="+i.timezone,n=!0),e+a+":"+b(t,r,!1,n)}function vt(t){let e=t.x.map(([r,i])=>r.toUpperCase()+":"+u(i,!1)).join(`\r
`);return e.length?e+`\r
`:""}function ye(t){return typeof t=="object"&&!!t&&!(t instanceof Date)&&!tt(t)&&!Q(t)&&!et(t)}function Q(t){return typeof t=="object"&&!!t&&"toJSDate"in t&&typeof t.toJSDate=="function"&&!et(t)}function tt(t){return t!=null&&t._isAMomentObject!=null&&!et(t)}function ve(t){return typeof t=="object"&&!!t&&"asSeconds"in t&&typeof t.asSeconds=="function"}function Gt(t){return tt(t)&&"tz"in t&&typeof t.tz=="function"}function gt(t){return typeof t=="object"&&!!t&&"between"in t&&typeof t.between=="function"&&typeof t.toString=="function"}function et(t){return C(t)||M(t)||B(t)||rt(t)}function rt(t){return typeof t=="object"&&!!t&&!C(t)&&!M(t)&&!B(t)&&"toZonedDateTimeISO"in t&&typeof t.toZonedDateTimeISO=="function"&&!("year"in t)&&!("timeZoneId"in t)}function B(t){return typeof t=="object"&&!!t&&!C(t)&&!M(t)&&"toPlainDateTime"in t&&typeof t.toPlainDateTime=="function"&&"year"in t&&typeof t.year=="number"&&"month"in t&&typeof t.month=="number"&&"day"in t&&typeof t.day=="number"&&!("hour"in t)&&!("timeZoneId"in t)&&!("epochSeconds"in t)}function M(t){return typeof t=="object"&&!!t&&!C(t)&&"toZonedDateTime"in t&&typeof t.toZonedDateTime=="function"&&"toPlainDate"in t&&typeof t.toPlainDate=="function"&&"year"in t&&typeof t.year=="number"&&"month"in t&&typeof t.month=="number"&&"day"in t&&typeof t.day=="number"&&"hour"in t&&typeof t.hour=="number"&&"minute"in t&&typeof t.minute=="number"&&"second"in t&&typeof t.second=="number"&&!("timeZone"in t)}function C(t){return typeof t=="object"&&!!t&&"timeZoneId"in t&&typeof t.timeZoneId=="string"&&"toPlainDateTime"in t&&typeof t.toPlainDateTime=="function"&&"year"in t&&typeof t.year=="number"&&"month"in t&&typeof t.month=="number"&&"day"in t&&typeof t.day=="number"&&"hour"in t&&typeof t.hour=="number"&&"minute"in t&&typeof t.minute=="number"&&"second"in t&&typeof t.second=="number"}function be(t){return t instanceof Date&&"internal"in t&&t.internal instanceof Date&&"withTimeZone"in t&&typeof t.withTimeZone=="function"&&"tzComponents"in t&&typeof t.tzComponents=="function"}function Wt(t){if(typeof t=="string"||t instanceof Date)return new Date(t);if(C(t)){let e=t.toInstant();return new Date(e.epochMilliseconds)}return M(t)?new Date(Date.UTC(t.year,t.month-1,t.day,t.hour,t.minute,t.second)):B(t)?new Date(Date.UTC(t.year,t.month-1,t.day)):rt(t)?new Date(t.epochMilliseconds):Q(t)?t.toJSDate():t.toDate()}function x(t){let e="";return t<0&&(e="-",t*=-1),e+="P",t>=86400&&(e+=Math.floor(t/86400)+"D",t%=86400),!t&&e.length>1||(e+="T",t>=3600&&(e+=Math.floor(t/3600)+"H",t%=3600),t>=60&&(e+=Math.floor(t/60)+"M",t%=60),t>0?e+=t+"S":e.length<=2&&(e+="0S")),e}function w(t){return t?typeof t=="string"?t:C(t)?w(t.withTimeZone("UTC").toPlainDateTime()):(et(t),t.toJSON()):null}var _t=(function(t){return t.CHAIR="CHAIR",t.NON="NON-PARTICIPANT",t.OPT="OPT-PARTICIPANT",t.REQ="REQ-PARTICIPANT",t})({}),Te=(function(t){return t.CLIENT="CLIENT",t.NONE="NONE",t.SERVER="SERVER",t})({}),yt=(function(t){return t.ACCEPTED="ACCEPTED",t.DECLINED="DECLINED",t.DELEGATED="DELEGATED",t.NEEDSACTION="NEEDS-ACTION",t.TENTATIVE="TENTATIVE",t})({}),Se=(function(t){return t.GROUP="GROUP",t.INDIVIDUAL="INDIVIDUAL",t.RESOURCE="RESOURCE",t.ROOM="ROOM",t.UNKNOWN="UNKNOWN",t})({}),K=class D{data;parent;constructor(e,r){if(this.data={delegatedFrom:null,delegatedTo:null,email:"",mailto:null,name:null,role:_t.REQ,rsvp:null,scheduleAgent:null,sentBy:null,status:null,type:null,x:[]},this.parent=r,!this.parent)throw Error("`event` option required!");if(!e.email)throw Error("No value for `email` in ICalAttendee given!");e.name!==void 0&&this.name(e.name),e.email!==void 0&&this.email(e.email),e.mailto!==void 0&&this.mailto(e.mailto),e.sentBy!==void 0&&this.sentBy(e.sentBy),e.status!==void 0&&this.status(e.status),e.role!==void 0&&this.role(e.role),e.rsvp!==void 0&&this.rsvp(e.rsvp),e.type!==void 0&&this.type(e.type),e.delegatedTo!==void 0&&this.delegatedTo(e.delegatedTo),e.delegatedFrom!==void 0&&this.delegatedFrom(e.delegatedFrom),e.delegatesTo&&this.delegatesTo(e.delegatesTo),e.delegatesFrom&&this.delegatesFrom(e.delegatesFrom),e.scheduleAgent!==void 0&&this.scheduleAgent(e.scheduleAgent),e.x!==void 0&&this.x(e.x)}delegatedFrom(e){return e===void 0?this.data.delegatedFrom:(e?typeof e=="string"?this.data.delegatedFrom=new D(H("delegatedFrom",e),this.parent):e instanceof D?this.data.delegatedFrom=e:this.data.delegatedFrom=new D(e,this.parent):this.data.delegatedFrom=null,this)}delegatedTo(e){return e===void 0?this.data.delegatedTo:e?(typeof e=="string"?this.data.delegatedTo=new D(H("delegatedTo",e),this.parent):e instanceof D?this.data.delegatedTo=e:this.data.delegatedTo=new D(e,this.parent),this.data.status=yt.DELEGATED,this):(this.data.delegatedTo=null,this.data.status===yt.DELEGATED&&(this.data.status=null),this)}delegatesFrom(e){let r=e instanceof D?e:this.parent.createAttendee(e);return this.delegatedFrom(r),r.delegatedTo(this),r}delegatesTo(e){let r=e instanceof D?e:this.parent.createAttendee(e);return this.delegatedTo(r),r.delegatedFrom(this),r}email(e){return e?(this.data.email=e,this):this.data.email}mailto(e){return e===void 0?this.data.mailto:(this.data.mailto=e||null,this)}name(e){return e===void 0?this.data.name:(this.data.name=e||null,this)}role(e){return e===void 0?this.data.role:(this.data.role=S(_t,e),this)}rsvp(e){return e===void 0?this.data.rsvp:e===null?(this.data.rsvp=null,this):(this.data.rsvp=!!e,this)}scheduleAgent(e){return e===void 0?this.data.scheduleAgent:e?typeof e=="string"&&e.toUpperCase().startsWith("X-")?(this.data.scheduleAgent=e,this):(this.data.scheduleAgent=S(Te,e),this):(this.data.scheduleAgent=null,this)}sentBy(e){return e?(this.data.sentBy=e,this):this.data.sentBy}status(e){return e===void 0?this.data.status:e?(this.data.status=S(yt,e),this):(this.data.status=null,this)}toJSON(){return Object.assign({},this.data,{delegatedFrom:this.data.delegatedFrom?.email()||null,delegatedTo:this.data.delegatedTo?.email()||null,x:this.x()})}toString(){let e="ATTENDEE";if(!this.data.email)throw Error("No value for `email` in ICalAttendee given!");return e+=";ROLE="+this.data.role,this.data.type&&(e+=";CUTYPE="+this.data.type),this.data.status&&(e+=";PARTSTAT="+this.data.status),this.data.rsvp!==null&&(e+=";RSVP="+this.data.rsvp.toString().toUpperCase()),this.data.sentBy!==null&&(e+=';SENT-BY="mailto:'+this.data.sentBy+'"'),this.data.delegatedTo&&(e+=';DELEGATED-TO="'+this.data.delegatedTo.email()+'"'),this.data.delegatedFrom&&(e+=';DELEGATED-FROM="'+this.data.delegatedFrom.email()+'"'),this.data.name&&(e+=';CN="'+u(this.data.name,!0)+'"'),this.data.email&&this.data.mailto&&(e+=";EMAIL="+u(this.data.email,!1)),this.data.scheduleAgent&&(e+=";SCHEDULE-AGENT="+this.data.scheduleAgent),this.data.x.length&&(e+=";"+this.data.x.map(([r,i])=>r.toUpperCase()+"="+u(i,!1)).join(";")),e+=":MAILTO:"+u(this.data.mailto||this.data.email,!1)+`\r
`,e}type(e){return e===void 0?this.data.type:e?(this.data.type=S(Se,e),this):(this.data.type=null,this)}x(e,r){if(e===void 0)return E(this.data);if(typeof e=="string"&&typeof r=="string")E(this.data,e,r);else if(typeof e=="object")E(this.data,e);else throw Error("Either key or value is not a string!");return this}},Zt=(function(t){return t.audio="audio",t.display="display",t.email="email",t})({}),Ee={end:"END",start:"START"},qt=class{data;event;constructor(t,e){if(this.data={attach:null,attendees:[],description:null,interval:null,relatesTo:null,repeat:null,summary:null,trigger:-600,type:Zt.display,x:[]},this.event=e,!e)throw Error("`event` option required!");t.type!==void 0&&this.type(t.type),"trigger"in t&&t.trigger!==void 0&&this.trigger(t.trigger),"triggerBefore"in t&&t.triggerBefore!==void 0&&this.triggerBefore(t.triggerBefore),"triggerAfter"in t&&t.triggerAfter!==void 0&&this.triggerAfter(t.triggerAfter),t.repeat&&this.repeat(t.repeat),t.attach!==void 0&&this.attach(t.attach),t.description!==void 0&&this.description(t.description),t.summary!==void 0&&this.summary(t.summary),t.attendees!==void 0&&this.attendees(t.attendees),t.x!==void 0&&this.x(t.x)}attach(t){if(t===void 0)return this.data.attach;if(!t)return this.data.attach=null,this;let e;if(typeof t=="string")e={mime:null,uri:t};else if(typeof t=="object")e={mime:t.mime||null,uri:t.uri};else throw Error("`attachment` needs to be a valid formed string or an object. See https://sebbo2002.github.io/ical-generator/develop/reference/classes/ICalAlarm.html#attach");if(!e.uri)throw Error("`attach.uri` is empty!");return this.data.attach={mime:e.mime,uri:e.uri},this}attendees(t){return t?(t.forEach(e=>this.createAttendee(e)),this):this.data.attendees}createAttendee(t){if(t instanceof K)return this.data.attendees.push(t),t;typeof t=="string"&&(t=H("data",t));let e=new K(t,this);return this.data.attendees.push(e),e}description(t){return t===void 0?this.data.description:t?(this.data.description=t,this):(this.data.description=null,this)}relatesTo(t){if(t===void 0)return this.data.relatesTo;if(!t)return this.data.relatesTo=null,this;if(!Object.values(Ee).includes(t))throw Error("`relatesTo` is not correct, must be either `START` or `END`!");return this.data.relatesTo=t,this}repeat(t){if(t===void 0)return this.data.repeat;if(!t)return this.data.repeat=null,this;if(typeof t!="object")throw Error("`repeat` is not correct, must be an object!");if(typeof t.times!="number"||!isFinite(t.times))throw Error("`repeat.times` is not correct, must be numeric!");if(typeof t.interval!="number"||!isFinite(t.interval))throw Error("`repeat.interval` is not correct, must be numeric!");return this.data.repeat=t,this}summary(t){return t===void 0?this.data.summary:t?(this.data.summary=t,this):(this.data.summary=null,this)}toJSON(){let t=this.trigger();return Object.assign({},this.data,{trigger:typeof t=="number"?t:w(t),x:this.x()})}toString(){let t=`BEGIN:VALARM\r
`;if(t+="ACTION:"+this.data.type.toUpperCase()+`\r
`,typeof this.data.trigger=="number"&&this.data.relatesTo===null?this.data.trigger>0?t+="TRIGGER;RELATED=END:"+x(this.data.trigger)+`\r
`:t+="TRIGGER:"+x(this.data.trigger)+`\r
`:typeof this.data.trigger=="number"?t+="TRIGGER;RELATED="+this.data.relatesTo?.toUpperCase()+":"+x(this.data.trigger)+`\r
`:t+="TRIGGER;VALUE=DATE-TIME:"+b(this.event.timezone(),this.data.trigger)+`\r
`,this.data.repeat){if(!this.data.repeat.times)throw Error("No value for `repeat.times` in ICalAlarm given, but required for `interval`!");if(!this.data.repeat.interval)throw Error("No value for `repeat.interval` in ICalAlarm given, but required for `repeat`!");t+="REPEAT:"+this.data.repeat.times+`\r
`,t+="DURATION:"+x(this.data.repeat.interval)+`\r
`}return this.data.type==="audio"&&this.data.attach&&this.data.attach.mime?t+="ATTACH;FMTTYPE="+u(this.data.attach.mime,!1)+":"+u(this.data.attach.uri,!1)+`\r
`:this.data.type==="audio"&&this.data.attach?t+="ATTACH;VALUE=URI:"+u(this.data.attach.uri,!1)+`\r
`:this.data.type==="audio"&&(t+=`ATTACH;VALUE=URI:Basso\r
`),this.data.type!=="audio"&&this.data.description?t+="DESCRIPTION:"+u(this.data.description,!1)+`\r
`:this.data.type!=="audio"&&(t+="DESCRIPTION:"+u(this.event.summary(),!1)+`\r
`),this.data.type==="email"&&this.data.summary?t+="SUMMARY:"+u(this.data.summary,!1)+`\r
`:this.data.type==="email"&&(t+="SUMMARY:"+u(this.event.summary(),!1)+`\r
`),this.data.type==="email"&&this.data.attendees.forEach(e=>{t+=e.toString()}),t+=vt(this.data),t+=`END:VALARM\r
`,t}trigger(t){if(t===void 0&&typeof this.data.trigger=="number")return-1*this.data.trigger;if(t===void 0)return this.data.trigger;if(typeof t=="number"&&isFinite(t))this.data.trigger=-1*t;else{if(!t||typeof t=="number")throw Error("`trigger` is not correct, must be a finite number or a supported date!");this.data.trigger=R(t,"trigger")}return this}triggerAfter(t){return t===void 0?this.data.trigger:this.trigger(typeof t=="number"?-1*t:t)}triggerBefore(t){return t===void 0?this.trigger():this.trigger(t)}type(t){if(t===void 0)return this.data.type;if(!t||!Object.keys(Zt).includes(t))throw Error("`type` is not correct, must be either `display` or `audio`!");return this.data.type=t,this}x(t,e){if(t===void 0)return E(this.data);if(typeof t=="string"&&typeof e=="string")E(this.data,t,e);else if(typeof t=="object")E(this.data,t);else throw Error("Either key or value is not a string!");return this}},Xt=class{data;constructor(t){if(this.data={name:""},!t.name)throw Error("No value for `name` in ICalCategory given!");this.name(t.name)}name(t){return t===void 0?this.data.name:(this.data.name=t,this)}toJSON(){return Object.assign({},this.data)}toString(){return u(this.data.name,!1)}},we=(function(t){return t.BUSY="BUSY",t.FREE="FREE",t.OOF="OOF",t.TENTATIVE="TENTATIVE",t})({}),Ae=(function(t){return t.CONFIDENTIAL="CONFIDENTIAL",t.PRIVATE="PRIVATE",t.PUBLIC="PUBLIC",t})({}),Ie=(function(t){return t.CANCELLED="CANCELLED",t.CONFIRMED="CONFIRMED",t.TENTATIVE="TENTATIVE",t})({}),ke=(function(t){return t.OPAQUE="OPAQUE",t.TRANSPARENT="TRANSPARENT",t})({}),Jt=class{calendar;data;constructor(t,e){if(this.data={alarms:[],allDay:!1,attachments:[],attendees:[],busystatus:null,categories:[],class:null,created:null,description:null,end:null,floating:!1,id:crypto.randomUUID(),lastModified:null,location:null,organizer:null,priority:null,recurrenceId:null,repeating:null,sequence:0,stamp:new Date,start:new Date,status:null,summary:"",timezone:null,transparency:null,travelTime:null,url:null,x:[]},this.calendar=e,!e)throw Error("`calendar` option required!");t.id&&this.id(t.id),t.sequence!==void 0&&this.sequence(t.sequence),t.start&&this.start(t.start),t.end!==void 0&&this.end(t.end),t.recurrenceId!==void 0&&this.recurrenceId(t.recurrenceId),t.timezone!==void 0&&this.timezone(t.timezone),t.stamp!==void 0&&this.stamp(t.stamp),t.allDay!==void 0&&this.allDay(t.allDay),t.floating!==void 0&&this.floating(t.floating),t.repeating!==void 0&&this.repeating(t.repeating),t.summary!==void 0&&this.summary(t.summary),t.location!==void 0&&this.location(t.location),t.description!==void 0&&this.description(t.description),t.organizer!==void 0&&this.organizer(t.organizer),t.attendees!==void 0&&this.attendees(t.attendees),t.alarms!==void 0&&this.alarms(t.alarms),t.categories!==void 0&&this.categories(t.categories),t.status!==void 0&&this.status(t.status),t.busystatus!==void 0&&this.busystatus(t.busystatus),t.priority!==void 0&&this.priority(t.priority),t.url!==void 0&&this.url(t.url),t.attachments!==void 0&&this.attachments(t.attachments),t.transparency!==void 0&&this.transparency(t.transparency),t.travelTime!==void 0&&this.travelTime(t.travelTime),t.created!==void 0&&this.created(t.created),t.lastModified!==void 0&&this.lastModified(t.lastModified),t.class!==void 0&&this.class(t.class),t.x!==void 0&&this.x(t.x)}alarms(t){return t?(t.forEach(e=>this.createAlarm(e)),this):this.data.alarms}allDay(t){return t===void 0?this.data.allDay:(this.data.allDay=!!t,this)}attachments(t){return t?(t.forEach(e=>this.createAttachment(e)),this):this.data.attachments}attendees(t){return t?(t.forEach(e=>this.createAttendee(e)),this):this.data.attendees}busystatus(t){return t===void 0?this.data.busystatus:t===null?(this.data.busystatus=null,this):(this.data.busystatus=S(we,t),this)}categories(t){return t?(t.forEach(e=>this.createCategory(e)),this):this.data.categories}class(t){return t===void 0?this.data.class:t===null?(this.data.class=null,this):(this.data.class=S(Ae,t),this)}createAlarm(t){let e=t instanceof qt?t:new qt(t,this);return this.data.alarms.push(e),e}createAttachment(t){return this.data.attachments.push(t),this}createAttendee(t){if(t instanceof K)return this.data.attendees.push(t),t;typeof t=="string"&&(t=H("data",t));let e=new K(t,this);return this.data.attendees.push(e),e}createCategory(t){let e=t instanceof Xt?t:new Xt(t);return this.data.categories.push(e),e}created(t){return t===void 0?this.data.created:t===null?(this.data.created=null,this):(this.data.created=R(t,"created"),this)}description(t){return t===void 0?this.data.description:t===null?(this.data.description=null,this):(typeof t=="string"?this.data.description={plain:t}:this.data.description=t,this)}end(t){return t===void 0?(this.swapStartAndEndIfRequired(),this.data.end):t===null?(this.data.end=null,this):(this.data.end=R(t,"end"),this)}floating(t){return t===void 0?this.data.floating:(this.data.floating=!!t,this.data.floating&&(this.data.timezone=null),this)}id(t){return t===void 0?this.data.id:(this.data.id=String(t),this)}lastModified(t){return t===void 0?this.data.lastModified:t===null?(this.data.lastModified=null,this):(this.data.lastModified=R(t,"lastModified"),this)}location(t){if(t===void 0)return this.data.location;if(typeof t=="string")return this.data.location={title:t},this;if(t&&("title"in t&&!t.title||t?.geo&&(typeof t.geo.lat!="number"||!isFinite(t.geo.lat)||typeof t.geo.lon!="number"||!isFinite(t.geo.lon))||!("title"in t)&&!t?.geo))throw Error("`location` isn't formatted correctly. See https://sebbo2002.github.io/ical-generator/develop/reference/classes/ICalEvent.html#location");return this.data.location=t||null,this}organizer(t){return t===void 0?this.data.organizer:t===null?(this.data.organizer=null,this):(this.data.organizer=H("organizer",t),this)}priority(t){if(t===void 0)return this.data.priority;if(t===null)return this.data.priority=null,this;if(t<0||t>9)throw Error("`priority` is invalid, musst be 0 \u2264 priority \u2264 9.");return this.data.priority=Math.round(t),this}recurrenceId(t){return t===void 0?this.data.recurrenceId:t===null?(this.data.recurrenceId=null,this):(this.data.recurrenceId=R(t,"recurrenceId"),this)}repeating(t){if(t===void 0)return this.data.repeating;if(!t)return this.data.repeating=null,this;if(gt(t)||typeof t=="string")return this.data.repeating=t,this;if(this.data.repeating={freq:S(fe,t.freq)},t.count){if(!isFinite(t.count))throw Error("`repeating.count` must be a finite number!");this.data.repeating.count=t.count}if(t.interval){if(!isFinite(t.interval))throw Error("`repeating.interval` must be a finite number!");this.data.repeating.interval=t.interval}if(t.until!==void 0&&(this.data.repeating.until=R(t.until,"repeating.until")),t.byDay){let e=Array.isArray(t.byDay)?t.byDay:[t.byDay];this.data.repeating.byDay=e.map(r=>S(Yt,r))}if(t.byMonth){let e=Array.isArray(t.byMonth)?t.byMonth:[t.byMonth];this.data.repeating.byMonth=e.map(r=>{if(typeof r!="number"||r<1||r>12)throw Error("`repeating.byMonth` contains invalid value `"+r+"`!");return r})}if(t.byMonthDay){let e=Array.isArray(t.byMonthDay)?t.byMonthDay:[t.byMonthDay];this.data.repeating.byMonthDay=e.map(r=>{if(typeof r!="number"||r<-31||r>31||r===0)throw Error("`repeating.byMonthDay` contains invalid value `"+r+"`!");return r})}if(t.bySetPos){if(!this.data.repeating.byDay)throw"`repeating.bySetPos` must be used along with `repeating.byDay`!";let e=Array.isArray(t.bySetPos)?t.bySetPos:[t.bySetPos];this.data.repeating.bySetPos=e.map(r=>{if(typeof r!="number"||r<-366||r>366||r===0)throw"`repeating.bySetPos` contains invalid value `"+r+"`!";return r})}if(t.exclude){let e=Array.isArray(t.exclude)?t.exclude:[t.exclude];this.data.repeating.exclude=e.map((r,i)=>R(r,`repeating.exclude[${i}]`))}return t.startOfWeek&&(this.data.repeating.startOfWeek=S(Yt,t.startOfWeek)),this}sequence(t){if(t===void 0)return this.data.sequence;if(isNaN(parseInt(String(t),10)))throw Error("`sequence` must be a number!");return this.data.sequence=t,this}stamp(t){return t===void 0?this.data.stamp:(this.data.stamp=R(t,"stamp"),this)}start(t){return t===void 0?(this.swapStartAndEndIfRequired(),this.data.start):(this.data.start=R(t,"start"),this)}status(t){return t===void 0?this.data.status:t===null?(this.data.status=null,this):(this.data.status=S(Ie,t),this)}summary(t){return t===void 0?this.data.summary:(this.data.summary=t?String(t):"",this)}timestamp(t){return t===void 0?this.stamp():this.stamp(t)}timezone(t){return t===void 0&&this.data.timezone!==null?this.data.timezone:t===void 0?this.calendar.timezone():(this.data.timezone=t&&t!=="UTC"?t.toString():null,this.data.timezone&&(this.data.floating=!1),this)}toJSON(){let t=null;return gt(this.data.repeating)||typeof this.data.repeating=="string"?t=this.data.repeating.toString():this.data.repeating&&(t=Object.assign({},this.data.repeating,{exclude:this.data.repeating.exclude?.map(e=>w(e)),until:w(this.data.repeating.until)||void 0})),this.swapStartAndEndIfRequired(),Object.assign({},this.data,{created:w(this.data.created)||null,end:w(this.data.end)||null,lastModified:w(this.data.lastModified)||null,recurrenceId:w(this.data.recurrenceId)||null,repeating:t,stamp:w(this.data.stamp)||null,start:w(this.data.start)||null,x:this.x()})}toString(){let t="";if(t+=`BEGIN:VEVENT\r
`,t+="UID:"+this.data.id+`\r
`,t+="SEQUENCE:"+this.data.sequence+`\r
`,this.swapStartAndEndIfRequired(),t+="DTSTAMP:"+b(this.calendar.timezone(),this.data.stamp)+`\r
`,this.data.allDay?(t+="DTSTART;VALUE=DATE:"+b(this.timezone(),this.data.start,!0)+`\r
`,this.data.end&&(t+="DTEND;VALUE=DATE:"+b(this.timezone(),this.data.end,!0)+`\r
`),t+=`X-MICROSOFT-CDO-ALLDAYEVENT:TRUE\r
`,t+=`X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT:TRUE\r
`):(t+=ft(this.timezone(),"DTSTART",this.data.start,this.data)+`\r
`,this.data.end&&(t+=ft(this.timezone(),"DTEND",this.data.end,this.data)+`\r
`)),gt(this.data.repeating)||typeof this.data.repeating=="string"){let e=this.data.repeating.toString().replace(/\r\n/g,`
`).split(`
`).filter(r=>r&&!r.startsWith("DTSTART:")).join(`\r
`);!e.includes(`\r
`)&&!e.startsWith("RRULE:")&&(e="RRULE:"+e),t+=e.trim()+`\r
`}else this.data.repeating&&(t+="RRULE:FREQ="+this.data.repeating.freq,this.data.repeating.count&&(t+=";COUNT="+this.data.repeating.count),this.data.repeating.interval&&(t+=";INTERVAL="+this.data.repeating.interval),this.data.repeating.until&&(t+=";UNTIL="+b(this.calendar.timezone(),this.data.repeating.until,!1,this.floating())),this.data.repeating.byDay&&(t+=";BYDAY="+this.data.repeating.byDay.join(",")),this.data.repeating.byMonth&&(t+=";BYMONTH="+this.data.repeating.byMonth.join(",")),this.data.repeating.byMonthDay&&(t+=";BYMONTHDAY="+this.data.repeating.byMonthDay.join(",")),this.data.repeating.bySetPos&&(t+=";BYSETPOS="+this.data.repeating.bySetPos.join(",")),this.data.repeating.startOfWeek&&(t+=";WKST="+this.data.repeating.startOfWeek),t+=`\r
`,this.data.repeating.exclude&&(this.data.allDay?t+="EXDATE;VALUE=DATE:"+this.data.repeating.exclude.map(e=>b(this.calendar.timezone(),e,!0)).join(",")+`\r
`:(t+="EXDATE",this.timezone()?t+=";TZID="+this.timezone()+":"+this.data.repeating.exclude.map(e=>b(this.timezone(),e,!1,!0)).join(",")+`\r
`:t+=":"+this.data.repeating.exclude.map(e=>b(this.timezone(),e,!1,this.floating())).join(",")+`\r
`)));if(this.data.recurrenceId&&(t+=ft(this.timezone(),"RECURRENCE-ID",this.data.recurrenceId,this.data)+`\r
`),t+="SUMMARY:"+u(this.data.summary,!1)+`\r
`,this.data.transparency&&(t+="TRANSP:"+u(this.data.transparency,!1)+`\r
`),this.data.location&&"title"in this.data.location&&this.data.location.title&&(t+="LOCATION:"+u(this.data.location.title+(this.data.location.address?`
`+this.data.location.address:""),!1)+`\r
`,this.data.location.radius&&this.data.location.geo&&(t+="X-APPLE-STRUCTURED-LOCATION;VALUE=URI;"+(this.data.location.address?"X-ADDRESS="+u(this.data.location.address,!1)+";":"")+"X-APPLE-RADIUS="+u(this.data.location.radius,!1)+";X-TITLE="+u(this.data.location.title,!1)+":geo:"+u(this.data.location.geo?.lat,!1)+","+u(this.data.location.geo?.lon,!1)+`\r
`)),this.data.location?.geo?.lat&&this.data.location.geo.lon&&(t+="GEO:"+u(this.data.location.geo.lat,!1)+";"+u(this.data.location.geo.lon,!1)+`\r
`),this.data.travelTime&&(t+="X-APPLE-TRAVEL-DURATION;VALUE=DURATION:"+x(this.data.travelTime.seconds)+`\r
`,this.data.location&&(this.data.travelTime.suggestionBehavior&&(t+="X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:"+this.data.travelTime.suggestionBehavior+`\r
`),this.data.travelTime.startFrom))){t+="X-APPLE-TRAVEL-START;";let e=[];e.push("ROUTING="+this.data.travelTime.startFrom.transportation),e.push("VALUE=URI"),"address"in this.data.travelTime.startFrom.location&&this.data.travelTime.startFrom.location.address&&e.push("X-ADDRESS="+u(this.data.travelTime.startFrom.location.address,!1)),"radius"in this.data.travelTime.startFrom.location&&this.data.travelTime.startFrom.location.radius&&e.push("X-APPLE-RADIUS="+u(this.data.travelTime.startFrom.location.radius,!1)),"title"in this.data.travelTime.startFrom.location&&this.data.travelTime.startFrom.location.title&&e.push("X-TITLE="+u(this.data.travelTime.startFrom.location.title,!1)),t+=e.join(";"),"geo"in this.data.travelTime.startFrom.location&&this.data.travelTime.startFrom.location.geo&&(t+=":geo:"+u(this.data.travelTime.startFrom.location.geo?.lat,!1)+","+u(this.data.travelTime.startFrom.location.geo?.lon,!1)),t+=`\r
`}return this.data.description&&(t+="DESCRIPTION:"+u(this.data.description.plain,!1)+`\r
`,this.data.description.html&&(t+="X-ALT-DESC;FMTTYPE=text/html:"+u(this.data.description.html,!1)+`\r
`)),this.data.organizer&&(t+='ORGANIZER;CN="'+u(this.data.organizer.name,!0)+'"',this.data.organizer.sentBy&&(t+=';SENT-BY="mailto:'+u(this.data.organizer.sentBy,!0)+'"'),this.data.organizer.email&&this.data.organizer.mailto&&(t+=";EMAIL="+u(this.data.organizer.email,!1)),t+=":",this.data.organizer.email&&(t+="mailto:"+u(this.data.organizer.mailto||this.data.organizer.email,!1)),t+=`\r
`),this.data.attendees.forEach(function(e){t+=e.toString()}),this.data.alarms.forEach(function(e){t+=e.toString()}),this.data.categories.length>0&&(t+="CATEGORIES:"+this.data.categories.map(e=>e.toString()).join()+`\r
`),this.data.url&&(t+="URL;VALUE=URI:"+u(this.data.url,!1)+`\r
`),this.data.attachments.length>0&&this.data.attachments.forEach(e=>{t+="ATTACH:"+u(e,!1)+`\r
`}),this.data.status&&(t+="STATUS:"+this.data.status.toUpperCase()+`\r
`),this.data.busystatus&&(t+="X-MICROSOFT-CDO-BUSYSTATUS:"+this.data.busystatus.toUpperCase()+`\r
`),this.data.priority!==null&&(t+="PRIORITY:"+this.data.priority+`\r
`),t+=vt(this.data),this.data.created&&(t+="CREATED:"+b(this.calendar.timezone(),this.data.created)+`\r
`),this.data.lastModified&&(t+="LAST-MODIFIED:"+b(this.calendar.timezone(),this.data.lastModified)+`\r
`),this.data.class&&(t+="CLASS:"+this.data.class.toUpperCase()+`\r
`),t+=`END:VEVENT\r
`,t}transparency(t){return t===void 0?this.data.transparency:t?(this.data.transparency=S(ke,t),this):(this.data.transparency=null,this)}travelTime(t){if(t===void 0)return this.data.travelTime;if(typeof t=="number"&&t<=0)throw Error("`travelTime` has to be more than 0!");if(t&&typeof t=="object"&&"seconds"in t&&t.seconds<=0)throw Error("`travelTime.seconds` has to be more than 0!");return typeof t=="number"?(this.data.travelTime={seconds:t},this):(this.data.travelTime=t,this)}uid(t){return t===void 0?this.id():this.id(t)}url(t){return t===void 0?this.data.url:(this.data.url=t?String(t):null,this)}x(t,e){return t===void 0?E(this.data):(typeof t=="string"&&typeof e=="string"&&E(this.data,t,e),typeof t=="object"&&E(this.data,t),this)}swapStartAndEndIfRequired(){if(this.data.start&&this.data.end&&Wt(this.data.start).getTime()>Wt(this.data.end).getTime()){let t=this.data.start;this.data.start=this.data.end,this.data.end=t}}},Re=(function(t){return t.ADD="ADD",t.CANCEL="CANCEL",t.COUNTER="COUNTER",t.DECLINECOUNTER="DECLINECOUNTER",t.PUBLISH="PUBLISH",t.REFRESH="REFRESH",t.REPLY="REPLY",t.REQUEST="REQUEST",t})({}),De=class{data;constructor(t={}){this.data={color:null,description:null,events:[],method:null,name:null,prodId:"//sebbo.net//ical-generator//EN",scale:null,source:null,timezone:null,ttl:null,url:null,x:[]},t.prodId!==void 0&&this.prodId(t.prodId),t.method!==void 0&&this.method(t.method),t.name!==void 0&&this.name(t.name),t.description!==void 0&&this.description(t.description),t.timezone!==void 0&&this.timezone(t.timezone),t.source!==void 0&&this.source(t.source),t.url!==void 0&&this.url(t.url),t.scale!==void 0&&this.scale(t.scale),t.ttl!==void 0&&this.ttl(t.ttl),t.color!==void 0&&this.color(t.color),t.events!==void 0&&this.events(t.events),t.x!==void 0&&this.x(t.x)}clear(){return this.data.events=[],this}color(t){if(t===void 0)return this.data.color;if(typeof t=="string"&&!/^#[A-F0-9]{6}$/gi.test(t))throw Error("`color` is malformed!");return this.data.color=t?String(t).toUpperCase():null,this}createEvent(t){let e=t instanceof Jt?t:new Jt(t,this);return this.data.events.push(e),e}description(t){return t===void 0?this.data.description:(this.data.description=t?String(t):null,this)}events(t){return t?(t.forEach(e=>this.createEvent(e)),this):this.data.events}length(){return this.data.events.length}method(t){return t===void 0?this.data.method:t?(this.data.method=S(Re,t),this):(this.data.method=null,this)}name(t){return t===void 0?this.data.name:(this.data.name=t?String(t):null,this)}prodId(t){if(!t)return this.data.prodId;if(typeof t=="string")return this.data.prodId=t,this;if(typeof t!="object")throw Error("`prodid` needs to be a string or an object!");if(!t.company)throw Error("`prodid.company` is a mandatory item!");if(!t.product)throw Error("`prodid.product` is a mandatory item!");let e=(t.language||"EN").toUpperCase();return this.data.prodId="//"+t.company+"//"+t.product+"//"+e,this}scale(t){return t===void 0?this.data.scale:(t===null?this.data.scale=null:this.data.scale=t.toUpperCase(),this)}source(t){return t===void 0?this.data.source:(this.data.source=t||null,this)}timezone(t){return t===void 0?this.data.timezone?.name||null:(t==="UTC"?this.data.timezone=null:typeof t=="string"?this.data.timezone={name:t}:t===null?this.data.timezone=null:this.data.timezone=t,this)}toJSON(){return Object.assign({},this.data,{events:this.data.events.map(t=>t.toJSON()),timezone:this.timezone(),x:this.x()})}toString(){let t="";return t=`BEGIN:VCALENDAR\r
VERSION:2.0\r
`,t+="PRODID:-"+this.data.prodId+`\r
`,this.data.url&&(t+="URL:"+this.data.url+`\r
`),this.data.source&&(t+="SOURCE;VALUE=URI:"+this.data.source+`\r
`),this.data.scale&&(t+="CALSCALE:"+this.data.scale+`\r
`),this.data.method&&(t+="METHOD:"+this.data.method+`\r
`),this.data.name&&(t+="NAME:"+this.data.name+`\r
`,t+="X-WR-CALNAME:"+this.data.name+`\r
`),this.data.description&&(t+="X-WR-CALDESC:"+this.data.description+`\r
`),this.data.timezone?.generator&&[...new Set([this.timezone(),...this.data.events.map(e=>e.timezone())])].filter(e=>e!==null&&!e.startsWith("/")).forEach(e=>{if(!this.data.timezone?.generator)return;let r=this.data.timezone.generator(e);r&&(t+=r.replace(/\r\n/g,`
`).replace(/\n/g,`\r
`).trim()+`\r
`)}),this.data.timezone?.name&&(t+="TIMEZONE-ID:"+this.data.timezone.name+`\r
`,t+="X-WR-TIMEZONE:"+this.data.timezone.name+`\r
`),this.data.ttl&&(t+="REFRESH-INTERVAL;VALUE=DURATION:"+x(this.data.ttl)+`\r
`,t+="X-PUBLISHED-TTL:"+x(this.data.ttl)+`\r
`),this.data.color&&(t+="X-APPLE-CALENDAR-COLOR:"+this.data.color+`\r
`),this.data.events.forEach(e=>t+=e.toString()),t+=vt(this.data),t+="END:VCALENDAR",ge(t)}ttl(t){return t===void 0?this.data.ttl:(ve(t)?this.data.ttl=t.asSeconds():t&&t>0?this.data.ttl=t:this.data.ttl=null,this)}url(t){return t===void 0?this.data.url:(this.data.url=t||null,this)}x(t,e){if(t===void 0)return E(this.data);if(typeof t=="string"&&typeof e=="string")E(this.data,t,e);else if(typeof t=="object")E(this.data,t);else throw Error("Either key or value is not a string!");return this}};function Kt(t){return new De(t)}var bt=864e5,V=6e4;function P(t,e){return y.fromMillis(t,{zone:e}).offset}function F(t){let e=t<0?"-":"+",r=Math.abs(t);return`${e}${String(Math.floor(r/60)).padStart(2,"0")}${String(r%60).padStart(2,"0")}`}function $e(t,e,r){let i=P(t,r),a=Math.floor(t/V),n=Math.ceil(e/V);for(;n-a>1;){let o=Math.floor((a+n)/2);P(o*V,r)===i?a=o:n=o}return n*V}function Ce(t){let{at:e,from:r,zone:i}=t,a=y.fromMillis(e,{zone:i,locale:"en-GB"}),n=a.isInDST?"DAYLIGHT":"STANDARD",o=y.fromMillis(e+r*V,{zone:"utc"}).toFormat("yyyyLLdd'T'HHmmss");return[`BEGIN:${n}`,`TZOFFSETFROM:${F(r)}`,`TZOFFSETTO:${F(a.offset)}`,`TZNAME:${a.offsetNameShort??F(a.offset)}`,`DTSTART:${o}`,`END:${n}`].join(`\r
`)}function Qt(t){let{zone:e}=t,r=[],i=t.to.toMillis(),a=t.from.toMillis();for(let n=a+bt;n<=i+bt;n+=bt){if(P(n,e)!==P(a,e)){let o=$e(a,n,e);r.push(Ce({at:o,from:P(a,e),zone:e}))}a=n}if(r.length===0){let n=P(t.from.toMillis(),e),o=y.fromMillis(t.from.toMillis(),{zone:e,locale:"en-GB"}).offsetNameShort??F(n);r.push(["BEGIN:STANDARD",`TZOFFSETFROM:${F(n)}`,`TZOFFSETTO:${F(n)}`,`TZNAME:${o}`,"DTSTART:19700101T000000","END:STANDARD"].join(`\r
`))}return["BEGIN:VTIMEZONE",`TZID:${e}`,...r,"END:VTIMEZONE"].join(`\r
`)}var xe={developer:"First line support (developer)",operations:"First line support (operations)",shadow:"Shadowing first line support",primary:"On call (primary)",secondLine:"On call (second line)"},Oe={developer:"In-hours first line support, developer slot: tickets, alerts and maintenance in working hours.",operations:"In-hours first line support, operations slot: tickets, alerts and maintenance in working hours.",shadow:"Shadowing this week's first line support pair.",primary:"Out-of-hours on call: critical alerts and urgent tickets of clients with out-of-hours cover.",secondLine:"Second line on call: escalations when the primary does not acknowledge a page in time."};function Le(t,e){return`${t}-${e}@firstline`}function at(t,e){let r=t.get(e);return r?`${r.name} (${e})`:e}function Tt(t){let{rota:e,zone:r,stamp:i,login:a}=t,n=new Map(e.people.map(d=>[d.login,d])),o=[];for(let[d,m]of[[_,Object.keys(e.support)],[Z,Object.keys(e.onCall)]])for(let g of m.filter(W).sort())for(let L of d){let j=q({rota:e,week:g,slot:L});j.length>0&&(a===void 0||j.includes(a))&&o.push({week:g,slot:L,holders:j})}o.sort((d,m)=>d.week.localeCompare(m.week));let s=o[0]?.week,h=o[o.length-1]?.week,f=s===void 0||h===void 0?{from:i.minus({years:1}),to:i.plus({years:1})}:{from:ut({week:s,zone:r}).minus({years:1}),to:pt({week:h,zone:r}).plus({years:1})},v=Kt({name:a===void 0?"Firstline rota":`Firstline rota: ${at(n,a)}`,prodId:{company:"Firstline",product:"rota",language:"EN"},timezone:{name:null,generator:d=>Qt({zone:d,...f})}});for(let{week:d,slot:m,holders:g}of o)v.createEvent({id:Le(d,m),start:ut({week:d,zone:r}),end:pt({week:d,zone:r}),timezone:r,stamp:i.toUTC(),summary:`${xe[m]}: ${g.join(", ")}`,description:`${Oe[m]}
Week ${d}, ${N} to ${N} (${r}).
${g.map(L=>at(n,L)).join(", ")}`});for(let d of e.overrides??[]){if(a!==void 0&&a!==d.by&&a!==d.covers)continue;let m=mt({date:d.date,zone:r}),g=d.slot==="primary"?"On call cover (primary)":"On call cover (second line)";v.createEvent({id:`${d.date}-${d.slot}-cover@firstline`,start:m,end:mt({date:Lt(d.date,1),zone:r}),timezone:r,stamp:i.toUTC(),summary:`${g}: ${d.by} for ${d.covers}`,description:`${at(n,d.by)} covers ${at(n,d.covers)} from ${ht} to ${ht} (${r}).
Why: ${d.reason}`})}return v.toString()}function Ne(){let t=new zt({html:!1,linkify:!1,typographer:!1});t.validateLink=i=>X(i).kind!=="unsafe";let e=t.renderer.rules.fence,r=t.renderer.rules.code_block;return t.renderer.rules.fence=(i,a,n,o,s)=>(e?.(i,a,n,o,s)??"").replace(/^<pre>/,'<pre tabindex="0">'),t.renderer.rules.code_block=(i,a,n,o,s)=>(r?.(i,a,n,o,s)??"").replace(/^<pre>/,'<pre tabindex="0">'),t.renderer.rules.table_open=()=>`<div class="table-wrap" tabindex="0" role="region" aria-label="Table">
<table>
`,t.renderer.rules.table_close=()=>`</table>
</div>
`,t}var St=Ne();function Me(t,e,r){let i=[],a=[];for(let n of t)if(n.type==="link_open"){let o=Pe(String(n.attrGet("href")??""),e);if(a.push(o===void 0),o===void 0)continue;n.attrSet("href",o),i.push(n)}else if(n.type==="link_close")a.pop()!==!0&&i.push(n);else if(n.type==="image"){let o=String(n.attrGet("src")??""),s=n.children?.length?J(n):n.content,h=Object.assign(new r("text","",0),{content:s||o});if(X(o).kind==="web"&&a.length===0){let f=new r("link_open","a",1);f.attrSet("href",o),i.push(f,h,new r("link_close","a",-1))}else i.push(h)}else i.push(n);return i}function Pe(t,e){let r=X(t);switch(r.kind){case"web":return t;case"same-page":return`#${encodeURIComponent(r.fragment)}`;case"runbook":return e.runbookHref(r.slug,r.fragment);case"unsafe":case"not-a-runbook":return}}function Fe(t){let e=t.env,r=[];t.tokens.forEach((a,n)=>{if((a.type==="heading_open"||a.type==="heading_close")&&a.tag==="h1"&&(a.tag="h2"),a.type==="heading_open"){let o=t.tokens[n+1];r.push({open:a,text:o?J(o):""})}if((a.type==="th_open"||a.type==="td_open")&&a.attrGet("style")){let o=/text-align:(\w+)/.exec(String(a.attrGet("style")))?.[1];a.attrs=(a.attrs??[]).filter(([s])=>s!=="style"),(o==="center"||o==="right")&&a.attrJoin("class",`align-${o}`)}a.type==="inline"&&a.children&&(a.children=Me(a.children,e,t.Token))});let i=jt(r.map(a=>a.text));e.headings=r.map(({open:a,text:n},o)=>{let s=i[o]??"";return a.attrSet("id",s),{level:Number(a.tag.slice(1)),text:n,id:s}})}St.core.ruler.push("firstline_rewrite",Fe);function te(t){let e={runbookHref:t.runbookHref,headings:[]};return{html:St.render(t.markdown,e),headings:e.headings}}function Et(t){let e=[];for(let r of St.parse(t,{runbookHref:()=>{},headings:[]}))r.type==="inline"?e.push(J(r)):(r.type==="fence"||r.type==="code_block")&&e.push(r.content);return e.join(" ").replace(/\s+/g," ").trim()}import{createHash as Ue}from"node:crypto";function ze(t){return t.replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;").replace(/"/g,"&quot;").replace(/'/g,"&#39;")}var Y=class{constructor(e){this.text=e}text;toString(){return this.text}};function l(t,...e){let r=t[0]??"";return e.forEach((i,a)=>{r+=je(i)+(t[a+1]??"")}),new Y(r)}function je(t){return t==null||t===!1?"":t instanceof Y?t.text:Array.isArray(t)?t.map(e=>e.text).join(""):ze(String(t))}function A(t){return new Y(t)}function ee(t){return JSON.stringify(t).replace(/</g,"\\u003c").replace(/>/g,"\\u003e").replace(/&/g,"\\u0026").replace(/\u2028/g,"\\u2028").replace(/\u2029/g,"\\u2029")}function wt(t){return`'sha256-${Ue("sha256").update(t,"utf8").digest("base64")}'`}function T(t){return y.fromISO(t,{zone:"utc",locale:"en-GB"}).toFormat("ccc d LLL yyyy")}var c={index:"index.html",rota:"rota/index.html",rotaCalendar:"rota/rota.ics",alerts:"alerts.json",service:"service/index.html",serviceChart:t=>`service/${t}.svg`,runbook:t=>`runbooks/${t}.html`,person:t=>`rota/people/${t}.html`,personCalendar:t=>`rota/people/${t}.ics`};function p(t,e){let r=t.split("/").slice(0,-1),i=e.split("/"),a=0;for(;a<r.length&&a<i.length-1&&r[a]===i[a];)a+=1;return"../".repeat(r.length-a)+i.slice(a).map(encodeURIComponent).join("/")}function $(t){return new Map(t.people.map(e=>[e.login,e]))}var At=`
:root { --text: #1b1b1f; --muted: #4a4f57; --bg: #ffffff; --panel: #f3f4f6; --line: #c9ccd1; --link: #1a4fb5; --visited: #5b2a86;
  --head: #14213d; --head-text: #ffffff; --focus: #ffbf47; --critical: #a4161a; --warning: #7a4a00; --info: #1f5f3a; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--text); background: var(--bg); font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.wrap { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:visited { color: var(--visited); }
a:hover { text-decoration-thickness: 0.15em; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px var(--text); border-radius: 2px; }
.skip-link { position: absolute; left: 0.5rem; top: -3rem; padding: 0.5rem 0.75rem; background: var(--focus); color: #000; z-index: 10; }
.skip-link:focus { top: 0.5rem; }
.site-header { background: var(--head); color: var(--head-text); }
.site-header .wrap { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1.5rem; padding-top: 0.75rem; padding-bottom: 0.75rem; }
.site-header a, .site-header a:visited { color: var(--head-text); }
.brand { font-weight: 700; text-decoration: none; }
.site-header ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0; padding: 0; list-style: none; }
.site-header nav a[aria-current="page"] { text-decoration-thickness: 0.2em; }
main.wrap { padding-top: 2rem; padding-bottom: 2.5rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 1rem; }
h2 { font-size: 1.4rem; line-height: 1.3; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
p, ul, ol, dl, table { margin: 0 0 1rem; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; background: var(--panel); padding: 0.1em 0.3em; border-radius: 3px; overflow-wrap: anywhere; }
pre { background: #0f172a; color: #f1f5f9; padding: 0.75rem 1rem; border-radius: 4px; overflow-x: auto; line-height: 1.45; }
pre code { background: none; padding: 0; color: inherit; overflow-wrap: normal; }
.table-wrap { overflow-x: auto; margin: 0 0 1rem; }
figure { margin: 0 0 1rem; } figure img { max-width: 100%; height: auto; border: 1px solid var(--line); } figcaption { color: var(--muted); font-size: 0.95rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--line); }
th { background: var(--panel); }
.align-center { text-align: center; } .align-right { text-align: right; }
.wide th, .wide td { white-space: nowrap; }
.wide tbody th { position: sticky; left: 0; background: var(--panel); }
caption { text-align: left; font-weight: 700; padding: 0 0 0.4rem; }
.muted { color: var(--muted); }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.lede { font-size: 1.1rem; }
.badge { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 999px; font-size: 0.85rem; font-weight: 700; border: 1px solid currentColor; }
.badge-critical { color: var(--critical); } .badge-warning { color: var(--warning); } .badge-info { color: var(--info); } .badge-overdue { color: var(--critical); }
.search { background: var(--panel); padding: 1rem; border-radius: 6px; margin-bottom: 1.5rem; }
.search label { display: block; font-weight: 700; margin-bottom: 0.25rem; }
.search input { width: 100%; font: inherit; padding: 0.5rem 0.6rem; border: 2px solid var(--text); border-radius: 4px; background: #fff; color: var(--text); }
.search p { margin: 0.4rem 0 0; }
.runbook-list { list-style: none; padding: 0; }
.runbook-list li { border-top: 1px solid var(--line); padding: 0.75rem 0; }
.runbook-list h2 { font-size: 1.2rem; margin: 0 0 0.25rem; }
.runbook-list p { margin: 0.25rem 0 0; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; background: var(--panel); padding: 0.75rem 1rem; border-radius: 6px; }
.facts dt { font-weight: 700; } .facts dd { margin: 0; }
.duty { border-left: 4px solid var(--head); padding: 0.5rem 0 0.5rem 1rem; }
.toc ul { padding-left: 1.25rem; }
.site-footer { border-top: 1px solid var(--line); color: var(--muted); font-size: 0.9rem; }
.site-footer .wrap { padding-top: 1rem; padding-bottom: 1.5rem; }
@media (max-width: 40rem) {
  h1 { font-size: 1.6rem; }
  .facts { grid-template-columns: 1fr; }
  .facts dd { margin-bottom: 0.4rem; }
  ol, ul { padding-left: 1.5rem; }
  pre { margin-left: -0.25rem; margin-right: -0.25rem; padding: 0.6rem 0.75rem; }
}
@media print { .site-header nav, .search, .skip-link { display: none; } pre { white-space: pre-wrap; } }
`.trim();function I(t){let{frame:e,path:r,title:i,section:a,main:n,script:o}=t,s=o===void 0?"'none'":wt(o),h=`default-src 'none'; style-src ${wt(At)}; script-src ${s}; img-src 'self'; base-uri 'none'; form-action 'self'`,f=d=>d===a?A(' aria-current="page"'):A("");return l`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${A(h)}">
<meta name="referrer" content="no-referrer">
<title>${i===e.name?i:`${i} \xB7 ${e.name}`}</title>
<style>${A(At)}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<div class="wrap">
<a class="brand" href="${p(r,c.index)}">${e.name}</a>
<nav aria-label="Main">
<ul>
<li><a href="${p(r,c.index)}"${f("runbooks")}>Runbooks</a></li>
<li><a href="${p(r,c.rota)}"${f("rota")}>Rota</a></li>
${e.service===void 0?"":l`<li><a href="${p(r,c.service)}"${f("service")}>Service</a></li>
`}</ul>
</nav>
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
${n}
</main>
<footer class="site-footer">
<div class="wrap">
<p>Built by Firstline for ${e.today}. Works offline: this site loads nothing from other sites.</p>
</div>
</footer>
${o===void 0?"":A(`<script>${o}</script>
`)}</body>
</html>
`.text}var re=`
(function () {
  "use strict";
  var data = document.getElementById("search-index");
  var input = document.getElementById("search");
  var status = document.getElementById("search-status");
  var list = document.getElementById("runbook-list");
  if (!data || !input || !status || !list) return;
  var entries = JSON.parse(data.textContent || "[]");
  var haystacks = {};
  entries.forEach(function (entry) {
    haystacks[entry.slug] = [entry.title, entry.alerts.join(" "), entry.services.join(" "), entry.severity, entry.text].join(" ").toLowerCase();
  });
  var items = Array.prototype.slice.call(list.querySelectorAll("li[data-slug]"));
  function plural(n) { return n === 1 ? "runbook" : "runbooks"; }
  function update() {
    var query = input.value.trim();
    var words = query.toLowerCase().split(/\\s+/).filter(function (w) { return w.length > 0; });
    var shown = 0;
    items.forEach(function (item) {
      var text = haystacks[item.getAttribute("data-slug")] || "";
      var match = words.every(function (word) { return text.indexOf(word) !== -1; });
      item.hidden = !match;
      if (match) shown += 1;
    });
    if (words.length === 0) status.textContent = items.length + " " + plural(items.length) + ".";
    else if (shown === 0) status.textContent = "No runbook matches \\u201c" + query + "\\u201d.";
    else status.textContent = shown + " of " + items.length + " " + plural(items.length) + " match \\u201c" + query + "\\u201d.";
  }
  var form = input.form;
  if (form) form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
  input.addEventListener("input", update);
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) input.value = initial;
  update();
})();
`.trim();function O(t){let e=t.people.get(t.login);return e?l`<a href="${p(t.from,c.person(e.login))}">${e.name}</a>`:l`<code>${t.login}</code>`}function U(t){if(t.logins.length===0)return l`<span class="muted">nobody</span>`;let e=t.logins.map((r,i)=>l`${i>0?", ":""}${O({...t,login:r})}`);return l`${e}`}function it(t){return l`<span class="badge badge-${t}">${t}</span>`}function nt(t){return l`${t.map((e,r)=>l`${r>0?", ":""}<code>${e}</code>`)}`}var It=t=>t===void 0?[]:[t];function G(t,e){let r=t.rota.support[e],i=t.rota.onCall[e];return{week:e,developer:It(r?.developer),operations:It(r?.operations),shadow:r?.shadow??[],primary:It(i?.primary),secondLine:i?.secondLine??[],cover:(t.rota.overrides??[]).filter(a=>ct(a.date)===e)}}function z(t){let e=ct(t.today),r=new Set([...Object.keys(t.rota.support),...Object.keys(t.rota.onCall)].filter(W));return{current:e,coming:[...r].filter(i=>i>e).sort()}}function ot(t){let{input:e,from:r,duty:i}=t,a=$(e.rota),n=o=>U({from:r,logins:o,people:a});return l`<dl class="facts">
<dt>Support developer</dt><dd>${n(i.developer)}</dd>
<dt>Support operations</dt><dd>${n(i.operations)}</dd>
${i.shadow.length>0?l`<dt>Shadowing</dt><dd>${n(i.shadow)}</dd>\n`:""}<dt>On call</dt><dd>${n(i.primary)}</dd>
<dt>Second line</dt><dd>${n(i.secondLine)}</dd>
${i.cover.map(o=>l`<dt>Cover, night of ${T(o.date)}</dt><dd>${n([o.by])} for ${n([o.covers])} (${o.slot==="primary"?"on call":"second line"}): ${o.reason}</dd>
`)}</dl>`}function st(t){return`Week of ${T(t)}`}var ae=180;function He(t){return t.length<=ae?t:`${t.slice(0,ae-1).replace(/\s+\S*$/,"")}\u2026`}function Be(t){let e=t.split(/^#{1,6}\s/m)[0]??"";return Et(e)}function Ve(t){return t.runbooks.map(e=>({slug:e.slug,title:e.frontMatter.title,alerts:e.frontMatter.alerts,services:e.frontMatter.services,severity:e.frontMatter.severity,text:Et(e.body)}))}function ie(t){let e=c.index,{current:r}=z(t),i=[...t.runbooks].sort((s,h)=>s.frontMatter.title.localeCompare(h.frontMatter.title,"en")),a=i.map(s=>{let{title:h,alerts:f,services:v,severity:d}=s.frontMatter,m=He(Be(s.body));return l`<li data-slug="${s.slug}">
<h2><a href="${p(e,c.runbook(s.slug))}">${h}</a></h2>
<p>${it(d)}${f.length>0?l` Alerts: ${nt(f)}`:""}</p>
${m===""?"":l`<p>${m}</p>\n`}${v.length>0?l`<p class="muted">Services: ${v.join(", ")}</p>\n`:""}</li>
`}),n=i.flatMap(s=>s.frontMatter.alerts.map(h=>({alert:h,runbook:s}))).sort((s,h)=>s.alert<h.alert?-1:s.alert>h.alert?1:0).map(({alert:s,runbook:h})=>l`<tr><td><code>${s}</code></td><td><a href="${p(e,c.runbook(h.slug))}">${h.frontMatter.title}</a></td></tr>\n`),o=l`<h1>Runbooks</h1>
<p class="lede">What to do when an alert fires or a client reports a problem: symptoms, diagnosis, resolution and who to escalate to.</p>
<form class="search" role="search" action="${c.index}" method="get">
<label for="search">Search runbooks</label>
<input id="search" name="q" type="search" autocomplete="off" spellcheck="false" aria-describedby="search-hint search-status">
<p id="search-hint" class="muted">Searches titles, alert names, services and the text of every runbook.</p>
<p id="search-status" role="status">${i.length} ${i.length===1?"runbook":"runbooks"}.</p>
</form>
<ul id="runbook-list" class="runbook-list">
${a}</ul>
<section aria-labelledby="duty-heading">
<h2 id="duty-heading">On duty this week</h2>
<div class="duty">
<p>${st(r)}, as of ${t.today}. <a href="${p(e,c.rota)}">The whole rota</a>.</p>
${ot({input:t,from:e,duty:G(t,r)})}
</div>
</section>
<section aria-labelledby="alerts-heading">
<h2 id="alerts-heading">Alerts and their runbooks</h2>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="alerts-heading">
<table>
<thead><tr><th scope="col">Alert</th><th scope="col">Runbook</th></tr></thead>
<tbody>
${n}</tbody>
</table>
</div>
<p>The same map as JSON: <a href="${p(e,c.alerts)}">alerts.json</a>.</p>
</section>
<script type="application/json" id="search-index">${A(ee(Ve(t)))}</script>`;return I({frame:t,path:e,title:"Runbooks",section:"runbooks",main:o,script:re})}var Ye={developer:"First line support (developer)",operations:"First line support (operations)",shadow:"Shadowing first line support",primary:"On call (primary)",secondLine:"On call (second line)"};function Ge(t,e){let{current:r,coming:i}=z(t);return[r,...i].flatMap(a=>[..._,...Z].filter(n=>q({rota:t.rota,week:a,slot:n}).includes(e)).map(n=>({week:a,slot:n})))}function ne(t,e){let r=c.person(e.login),i=$(t.rota),a=Ge(t,e.login),n=e.away.filter(h=>h.to>=t.today),o=t.runbooks.filter(h=>h.frontMatter.owner===e.login),s=l`<h1>${e.name}</h1>
<dl class="facts">
<dt>GitHub login</dt><dd><code>${e.login}</code></dd>
<dt>Role</dt><dd>${e.role}${e.vetted?"":" (shadowing until vetted)"}</dd>
<dt>On call</dt><dd>${e.onCall?"opted in":"not on the on-call rota"}${e.secondLine?", second line":""}</dd>
<dt>Delivery lead</dt><dd>${O({from:r,login:e.deliveryLead,people:i})}</dd>
</dl>
<p><a href="${p(r,c.personCalendar(e.login))}" type="text/calendar">${e.name}'s rota calendar (iCalendar)</a></p>
<section aria-labelledby="slots">
<h2 id="slots">Coming slots</h2>
${a.length>0?l`<ul>
${a.map(({week:h,slot:f})=>l`<li>Week of <time datetime="${h}">${T(h)}</time>: ${Ye[f]}</li>\n`)}</ul>`:l`<p>No slots in the rota from this week on.</p>`}
</section>
${n.length>0?l`<section aria-labelledby="away">
<h2 id="away">Away</h2>
<ul>
${n.map(h=>l`<li>${T(h.from)} to ${T(h.to)}</li>\n`)}</ul>
</section>
`:""}${o.length>0?l`<section aria-labelledby="owned">
<h2 id="owned">Runbooks they keep current</h2>
<ul>
${o.map(h=>l`<li><a href="${p(r,c.runbook(h.slug))}">${h.frontMatter.title}</a></li>\n`)}</ul>
</section>
`:""}<p class="muted"><a href="${p(r,c.rota)}">The whole rota</a></p>`;return I({frame:t,path:r,title:e.name,section:"rota",main:s})}function We(t,e,r){let i=$(t.rota);return t.escalation.map(a=>{let n=a.notify==="second-line"?l`this week's second line (${U({from:e,logins:r,people:i})})`:U({from:e,logins:a.notify,people:i});return l`<li>After ${a.afterMinutes} minute${a.afterMinutes===1?"":"s"} without acknowledgement: ${n}.</li>\n`})}function oe(t){let e=c.rota,r=$(t.rota),{current:i,coming:a}=z(t),n=G(t,i),o=d=>U({from:e,logins:d,people:r}),s=a.map(d=>{let m=G(t,d);return l`<tr><th scope="row"><time datetime="${d}">${T(d)}</time></th><td>${o(m.developer)}</td><td>${o(m.operations)}</td><td>${m.shadow.length>0?o(m.shadow):""}</td><td>${o(m.primary)}</td><td>${o(m.secondLine)}</td></tr>\n`}),h=[...t.rota.people].sort((d,m)=>d.name.localeCompare(m.name,"en")).map(d=>l`<tr><th scope="row">${O({from:e,login:d.login,people:r})}</th><td>${d.role}</td><td>${d.vetted?"yes":"shadowing"}</td><td>${d.onCall?"yes":"no"}</td><td>${d.secondLine?"yes":"no"}</td><td><a href="${p(e,c.personCalendar(d.login))}">calendar<span class="visually-hidden"> for ${d.name}</span></a></td></tr>\n`),f=We(t,e,n.secondLine),v=l`<h1>Rota</h1>
<p class="lede">As of <time datetime="${t.today}">${T(t.today)}</time>. Weeks run from ${N} to the next ${N} (${t.zone}).</p>
<section aria-labelledby="this-week">
<h2 id="this-week">This week: ${st(i).replace(/^Week of /,"week of ")}</h2>
${ot({input:t,from:e,duty:n})}
</section>
${f.length>0?l`<section aria-labelledby="escalation">
<h2 id="escalation">Escalation of unacknowledged pages</h2>
<ol>
${f}</ol>
</section>
`:""}<section aria-labelledby="coming-weeks">
<h2 id="coming-weeks">Coming weeks</h2>
${s.length>0?l`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="coming-weeks">
<table class="wide">
<thead><tr><th scope="col">Week of</th><th scope="col">Developer</th><th scope="col">Operations</th><th scope="col">Shadowing</th><th scope="col">On call</th><th scope="col">Second line</th></tr></thead>
<tbody>
${s}</tbody>
</table>
</div>`:l`<p>The rota has no weeks after this one yet.</p>`}
</section>
<section aria-labelledby="calendars">
<h2 id="calendars">Calendars</h2>
<p>Subscribe to <a href="${p(e,c.rotaCalendar)}" type="text/calendar">the whole rota (iCalendar)</a>, or to one person's slots below.</p>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="calendars">
<table class="wide">
<thead><tr><th scope="col">Person</th><th scope="col">Role</th><th scope="col">Vetted</th><th scope="col">On call</th><th scope="col">Second line</th><th scope="col">Calendar</th></tr></thead>
<tbody>
${h}</tbody>
</table>
</div>
</section>`;return I({frame:t,path:e,title:"Rota",section:"rota",main:v})}function _e(t,e){return(y.fromISO(t,{zone:"utc"}).plus({months:Bt}).toISODate()??"")<e}function se(t,e){let r=c.runbook(e.slug),i=new Set(t.runbooks.map(k=>k.slug)),{html:a,headings:n}=te({markdown:e.body,runbookHref:(k,lt)=>{if(!i.has(k))return;let Dt=p(r,c.runbook(k));return lt===void 0||lt===""?Dt:`${Dt}#${encodeURIComponent(lt)}`}}),{title:o,alerts:s,services:h,severity:f,owner:v,lastReviewed:d}=e.frontMatter,m=$(t.rota),g=n.filter(k=>k.level===2),L=_e(d,t.today),j=t.editBase!==void 0&&!e.file.startsWith("/")&&!e.file.split(/[\\/]/).includes(".."),me=l`<article>
<h1>${o}</h1>
<dl class="facts">
<dt>Severity</dt><dd>${it(f)}</dd>
${s.length>0?l`<dt>Alerts</dt><dd>${nt(s)}</dd>\n`:""}${h.length>0?l`<dt>Services</dt><dd>${h.join(", ")}</dd>\n`:""}<dt>Owner</dt><dd>${O({from:r,login:v,people:m})}</dd>
<dt>Last reviewed</dt><dd><time datetime="${d}">${T(d)}</time>${L?l` <span class="badge badge-overdue">review overdue</span>`:""}</dd>
</dl>
${g.length>0?l`<nav class="toc" aria-label="On this page">
<h2>On this page</h2>
<ul>
${g.map(k=>l`<li><a href="#${encodeURIComponent(k.id)}">${k.text}</a></li>\n`)}</ul>
</nav>
`:""}<div class="runbook-body">
${A(a)}</div>
</article>
<p class="muted"><a href="${p(r,c.index)}">All runbooks</a>${j?l` · <a href="${`${t.editBase??""}${e.file.split(/[\\/]/).map(encodeURIComponent).join("/")}`}">Edit this runbook</a>`:""}</p>`;return I({frame:t,path:r,title:o,section:"runbooks",main:me})}function Ze(t,e){let r=`chart-${e.key}`,i=e.columns.map((n,o)=>o===0?l`<th scope="col">${n}</th>`:l`<th scope="col" class="align-right">${n}</th>`),a=e.rows.map(n=>l`<tr><th scope="row">${n.label}</th>${n.cells.map(o=>l`<td class="align-right">${o}</td>`)}</tr>\n`);return l`<section aria-labelledby="${r}">
<h2 id="${r}">${e.title}</h2>
<figure>
<img src="${p(t,c.serviceChart(e.key))}" alt="${e.summary} The table below gives the numbers." width="640" height="300">
<figcaption>${e.summary}</figcaption>
</figure>
<div class="table-wrap">
<table>
<caption>${e.title}: the numbers</caption>
<thead><tr>${i}</tr></thead>
<tbody>
${a}</tbody>
</table>
</div>
</section>
`}function le(t,e){let r=c.service,i=l`<h1>Service</h1>
<p class="lede">How first line support is doing, as of <time datetime="${t.today}">${T(t.today)}</time>: targets met, breaches and tickets opened. Each chart's numbers are in the table beneath it.</p>
${e.charts.map(a=>Ze(r,a))}`;return I({frame:t,path:r,title:"Service",section:"service",main:i})}function qe(t){let e=new Map;for(let r of t.runbooks)for(let i of r.frontMatter.alerts)e.has(i)||e.set(i,p(c.alerts,c.runbook(r.slug)));return Object.fromEntries([...e].sort(([r],[i])=>r<i?-1:r>i?1:0))}function de(t){let e=[...t.runbooks].sort((n,o)=>n.slug<o.slug?-1:n.slug>o.slug?1:0),r={...t,runbooks:e},i=y.fromISO(t.today,{zone:"utc"}),a=new Map;a.set(c.index,ie(r));for(let n of e)a.set(c.runbook(n.slug),se(r,n));a.set(c.rota,oe(r)),a.set(c.rotaCalendar,Tt({rota:t.rota,zone:t.zone,stamp:i}));for(let n of t.rota.people)a.set(c.person(n.login),ne(r,n)),a.set(c.personCalendar(n.login),Tt({rota:t.rota,zone:t.zone,stamp:i,login:n.login}));if(a.set(c.alerts,`${JSON.stringify(qe(r),null,2)}
`),t.service){a.set(c.service,le(r,t.service));for(let n of t.service.charts)a.set(c.serviceChart(n.key),n.svg)}return a.set(".nojekyll",""),new Map([...a].sort(([n],[o])=>n<o?-1:n>o?1:0))}function he(t){let{config:e}=t;return de({name:e.supportRepo===null?"Firstline":`Firstline \xB7 ${e.supportRepo}`,today:t.today,runbooks:t.runbooks,rota:t.rota,zone:e.timezone,escalation:e.alerts.escalation,editBase:e.supportRepo===null?void 0:`https://github.com/${e.supportRepo}/blob/HEAD/`,service:t.service})}import{join as Xe}from"node:path";function ce(t){for(let[e,r]of t.files)t.write(Xe(t.out,...e.split("/")),r)}async function ue(t){let e=y.fromMillis(t.now,{zone:t.zone}).startOf("month").minus({months:t.months-1}).toISODate()??"";return Ot({gh:t.gh,repos:t.repos,botLogin:t.botLogin,qualifiers:`is:issue created:>=${e}`})}var Je=t=>y.fromFormat(t,"yyyy-LL",{locale:"en-GB"}).toFormat("LLL yyyy"),Ke=t=>`w/c ${y.fromISO(t,{locale:"en-GB"}).toFormat("d LLL")}`;function kt(t){return{$schema:"https://vega.github.io/schema/vega-lite/v6.json",title:t.title,width:560,height:240,background:"#ffffff",data:{values:t.values},mark:t.mark==="line"?{type:"line",point:!0}:{type:"bar"},encoding:{x:{field:t.x,type:"ordinal",title:t.xTitle,sort:t.order,scale:{domain:t.order},axis:{labelAngle:0}},y:{field:t.y,type:"quantitative",title:t.yTitle,...t.yMax===void 0?{axis:{tickMinStep:1,format:"d"}}:{scale:{domain:[0,t.yMax]}}},...t.colour?{color:{field:t.colour,type:"nominal",title:t.colour,scale:{scheme:"tableau10"}}}:{}},config:{font:"system-ui, sans-serif",view:{stroke:null}}}}async function Qe(t){let[{compile:e},r]=await Promise.all([import("./build-BVJVF6TQ.js"),import("./vega.module-7TODJM3Q.js")]),i=new r.View(r.parse(e(t).spec),{renderer:"none"}),a=await i.toSVG();return i.finalize(),a}async function tr(t){let e=t.months.map(Je),r=t.weeks.map(Ke),i=t.firstResponses.flatMap(o=>o.values.flatMap((s,h)=>s===null?[]:[{month:e[h],client:o.name,share:s}])),a=t.openedByPriority.flatMap(o=>o.values.map((s,h)=>({week:r[h],priority:o.name,tickets:s}))),n=[{key:"first-responses",title:"First responses within target",summary:`The share of first responses within target for each client, by the month the ticket was opened, ${e[0]??""} to ${e[e.length-1]??""}.`,columns:["Month",...t.firstResponses.map(o=>o.name)],rows:e.map((o,s)=>({label:o,cells:t.firstResponses.map(h=>h.values[s]===null||h.values[s]===void 0?"n/a":`${h.values[s]}%`)})),vegaLite:kt({title:"First responses within target (%)",values:i,mark:"line",x:"month",xTitle:"Month opened",y:"share",yTitle:"% within target",colour:"client",yMax:100,order:e})},{key:"breaches",title:"SLA breaches per month",summary:`How many SLA targets were breached each month, ${e[0]??""} to ${e[e.length-1]??""}.`,columns:["Month","Breaches"],rows:e.map((o,s)=>({label:o,cells:[String(t.breaches.values[s]??0)]})),vegaLite:kt({title:"SLA breaches per month",values:e.map((o,s)=>({month:o,breaches:t.breaches.values[s]??0})),mark:"bar",x:"month",xTitle:"Month",y:"breaches",yTitle:"Breaches",order:e})},{key:"opened",title:"Tickets opened per week, by priority",summary:`How many tickets were opened each week, by priority, ${r[0]??""} to ${r[r.length-1]??""}.`,columns:["Week",...t.openedByPriority.map(o=>o.name)],rows:r.map((o,s)=>({label:o,cells:t.openedByPriority.map(h=>String(h.values[s]??0))})),vegaLite:{...kt({title:"Tickets opened per week",values:a,mark:"bar",x:"week",xTitle:"Week",y:"tickets",yTitle:"Tickets",colour:"priority",order:r})}}];return Promise.all(n.map(async({vegaLite:o,...s})=>({...s,svg:await Qe(o)})))}var Rt=6,er=8;async function pe(t){let e=Pt({...t,months:Rt,weeks:er});return{charts:await tr(e)}}async function ei(t){let e=Ft(t),r=Nt({dir:t.inputs["rota-dir"],io:t.io}),{runbooks:i,findings:a}=Vt(Ut({dir:t.inputs["runbooks-dir"],io:t.io})),n=a.filter(g=>g.severity==="error"&&g.rule===Ht.frontMatter);if(n.length>0)throw new $t(n.map(g=>({file:g.file,path:"",...g.line===void 0?{}:{line:g.line},message:g.message})));let o=Ct(t.io.now(),e.timezone),s=t.inputs.token===""?void 0:await rr(t,e),h=he({config:e,rota:r,runbooks:i,today:o,service:s}),f=t.inputs["site-dir"];ce({out:f,files:h,write:t.io.writeTextFile});let v=[...h.keys()],d=v.filter(g=>g.endsWith(".html")).length,m=[`## Site built for ${o}`,"",`${d} page${d===1?"":"s"} (${v.length} files) written to \`${f}\`: ${i.length} runbook${i.length===1?"":"s"}, ${r.people.length} people, calendars and search.`].join(`
`);await Mt({summary:m,result:{out:f,today:o,pages:d,files:v}})}async function rr(t,e){let r=[...e.clients.flatMap(i=>i.repos),...e.ticketRepos];try{let i=t.io.now().getTime(),{tickets:a,unreadable:n}=await ue({gh:await t.github(),repos:r,now:i,zone:e.timezone,months:Rt,botLogin:t.inputs["bot-login"]});for(let o of n)dt(`${o} could not be searched with this token, so its tickets are not on the Service page`);return await pe({tickets:a,policy:xt({config:e}),now:i,zone:e.timezone})}catch(i){dt(`The Service page was left out: the tickets could not be read (${i.message})`);return}}export{ei as actionSiteBuild};
